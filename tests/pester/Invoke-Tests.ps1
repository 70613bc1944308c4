<#
.SYNOPSIS
    Runs every *.Tests.ps1 file under -TestPath with the pinned Pester, in this (fresh) pwsh, and writes
    the counts to -SummaryPath for build.ps1 to total. Exit code: number of failed tests.

.DESCRIPTION
    The PostgreSQL cases run against one server for the whole run: the one HOSTAWAY_TEST_POSTGRES_URL names (its user
    must be allowed to create databases), else a throwaway server started here from the installed PostgreSQL binaries
    and stopped at the end. Where neither can be had, those cases are reported skipped, with the reason.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string[]] $TestPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [Parameter(Mandatory)] [string] $SummaryPath
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $PesterPath -Force
# The tests never read or write the user's configuration file (see Get-HostawayConfiguration).
if (-not $env:HOSTAWAY_CONFIG_PATH) { $env:HOSTAWAY_CONFIG_PATH = Join-Path ([IO.Path]::GetTempPath()) "hostawaysync-pester-config-$PID/config.json" }

Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
$savedPostgres = $env:HOSTAWAY_TEST_POSTGRES_URL, $env:HOSTAWAYSYNC_TEST_POSTGRES_SKIP, $env:HOSTAWAYSYNC_TEST_POSTGRES_ERROR
$postgres = $null
if (-not $env:HOSTAWAY_TEST_POSTGRES_URL) {
    $problem = Get-TestPostgresServerProblem
    if ($problem) {
        $env:HOSTAWAYSYNC_TEST_POSTGRES_SKIP = $problem
        Write-Host "PostgreSQL cases will be skipped: $problem."
    }
    else {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        try {
            $postgres = Start-TestPostgresServer
            $env:HOSTAWAY_TEST_POSTGRES_URL = $postgres.Url
            Write-Host "Throwaway PostgreSQL server at $($postgres.Url) ($([int]$watch.Elapsed.TotalMilliseconds) ms to start)."
        }
        catch {
            # The binaries are there but the server would not start: the PostgreSQL cases fail with this message.
            $env:HOSTAWAYSYNC_TEST_POSTGRES_ERROR = "$_"
            Write-Host "The throwaway PostgreSQL server did not start: $_"
        }
    }
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = 'Plaintext'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputPath = $ResultPath

try { $result = Invoke-Pester -Configuration $configuration }
finally {
    Stop-TestPostgresServer $postgres
    $env:HOSTAWAY_TEST_POSTGRES_URL, $env:HOSTAWAYSYNC_TEST_POSTGRES_SKIP, $env:HOSTAWAYSYNC_TEST_POSTGRES_ERROR = $savedPostgres
}
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
    ConvertTo-Json | Set-Content -Path $SummaryPath -Encoding utf8
exit $failed
