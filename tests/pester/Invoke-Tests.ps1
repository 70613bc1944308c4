<#
.SYNOPSIS
    Runs every *.Tests.ps1 file under -TestPath with the pinned Pester, in this (fresh) pwsh, and writes
    the counts to -SummaryPath for build.ps1 to total. Exit code: number of failed tests.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [Parameter(Mandatory)] [string] $SummaryPath
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $PesterPath -Force
# The tests never read or write the user's configuration file (see Get-HostawayConfiguration).
if (-not $env:HOSTAWAY_CONFIG_PATH) { $env:HOSTAWAY_CONFIG_PATH = Join-Path ([IO.Path]::GetTempPath()) "hostawaysync-pester-config-$PID/config.json" }

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = 'Plaintext'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputPath = $ResultPath

$result = Invoke-Pester -Configuration $configuration
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
    ConvertTo-Json | Set-Content -Path $SummaryPath -Encoding utf8
exit $failed
