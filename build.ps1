#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and packages the HostawaySync module.

.DESCRIPTION
    Needs only the .NET SDK: run it as `dotnet tool restore && dotnet pwsh ./build.ps1 -Task <task>`.

    Build    Compiles the solution and lays out the module folder out/HostawaySync/ (the contract that
             `Import-Module ./out/HostawaySync/HostawaySync.psd1` and every test rely on).
    Package  Build, then writes out/packages/HostawaySync.<version>.nupkg, installable with Install-PSResource.
    Test     Build and Package, then every xUnit project and every Pester file (Pester in a fresh pwsh
             against out/HostawaySync). Ends with one line `N passed, N failed` totalling both; exits
             non-zero on any failure.
    Demo     Build, then syncs a simulated account into a temporary folder, changes it, syncs again
             incrementally, shows the sync log, some guests, a message search and a drift check, and
             cleans up (tests/demo/Invoke-Demo.ps1, in a fresh pwsh).
    Bench    Build, then the benchmarks of issue 6 (tests/HostawaySync.Benchmarks: request economy, rate-budget use,
             incremental cost, store throughput, memory, queries, the naive design, paging variants) and the PostgreSQL
             ones of issue 11 (sync into both stores, store throughput, queries, copy; a throwaway server from the
             installed binaries, or HOSTAWAY_TEST_POSTGRES_URL) and the reconcile cost of issue 12; writes
             docs/benchmarks.md (only its parts between the bench, postgres and reconcile markers) and
             docs/benchmarks.json (only its "bench", "postgres" and "reconcile" keys). About 27 minutes on two cores;
             not part of CI.
    Chaos    Builds and runs tests/HostawaySync.Chaos: a fault-rate sweep, a 429 storm, tokens revoked mid-run, kill -9 at
             random points, two syncs at once and a database made read-only mid-run, each checked against the simulator's
             ground truth. Writes its section of docs/benchmarks.md (between <!-- chaos:start --> and <!-- chaos:end -->,
             the rest of the file untouched) and docs/chaos.json; fails when a check failed. Takes a few minutes.
    Clean    Removes out/ and every bin/ and obj/ folder.

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Package
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Demo
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Bench', 'Chaos', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $false   # exit codes are checked explicitly below
$ProgressPreference = 'SilentlyContinue'
$PSStyle.OutputRendering = 'PlainText'
$env:NO_COLOR = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'HostawaySync'
$PackageOut = Join-Path $Out 'packages'
$ResultsOut = Join-Path $Out 'test-results'
$ToolsPackages = Join-Path $Root '.tools/nuget'
$Solution = Join-Path $Root 'HostawaySync.sln'
$ModuleVersion = (Import-PowerShellDataFile (Join-Path $Root 'HostawaySync.psd1')).ModuleVersion

# A plain function on purpose: every argument after the program goes to it verbatim through $args.
function Invoke-Native {
    $FilePath, $ArgumentList = $args
    $ArgumentList = @($ArgumentList | ForEach-Object { $_ })
    Write-Host "> $FilePath $($ArgumentList -join ' ')"
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE." }
}

# The command line of a fresh pwsh like this one. Under `dotnet pwsh` the process is dotnet itself,
# so start pwsh.dll directly (that also works outside the folder that holds dotnet-tools.json).
function Get-PwshCommand {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    return @($process)
}

function Invoke-Build {
    Invoke-Native dotnet build $Solution -c $Configuration "-p:Version=$ModuleVersion" --nologo --verbosity minimal
    # Portable publish: the engine, its dependencies, its deps.json and runtimes/<rid>/native for every platform.
    $engineOut = Join-Path $Out 'obj/engine'
    if (Test-Path -LiteralPath $engineOut) { Remove-Item -LiteralPath $engineOut -Recurse -Force }
    Invoke-Native dotnet publish (Join-Path $Root 'src/HostawaySync.Engine/HostawaySync.Engine.csproj') -c $Configuration --no-build -o $engineOut "-p:Version=$ModuleVersion" --nologo --verbosity minimal

    if (Test-Path -LiteralPath $ModuleOut) { Remove-Item -LiteralPath $ModuleOut -Recurse -Force }
    $deps = New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'deps') -Force
    $cmdletsBin = Join-Path $Root "src/HostawaySync/bin/$Configuration/net8.0"
    Copy-Item (Join-Path $cmdletsBin 'HostawaySync.dll'), (Join-Path $cmdletsBin 'HostawaySync.pdb') -Destination $ModuleOut
    Copy-Item (Join-Path $Root 'HostawaySync.psd1') -Destination $ModuleOut
    Copy-Item (Join-Path $Root 'src/HostawaySync/HostawaySync.Format.ps1xml') -Destination $ModuleOut
    Copy-Item (Join-Path $engineOut '*') -Destination $deps -Recurse
    Get-ChildItem $deps -Filter '*.xml' -File | Remove-Item   # API docs of the dependencies are not needed at run time

    # Help: MAML built from the markdown sources against the compiled cmdlets (in a fresh pwsh, as the module cannot be unloaded).
    $helpSource = Join-Path $Root 'src/HostawaySync/Help'
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $ModuleOut 'en-US')
    Copy-Item (Join-Path $helpSource 'en-US/about_HostawaySync.help.txt') -Destination (Join-Path $ModuleOut 'en-US')
    $pwsh = Get-PwshCommand
    Invoke-Native $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $helpSource 'ConvertTo-MamlHelp.ps1') `
        -ModuleManifest (Join-Path $ModuleOut 'HostawaySync.psd1') -SourceFolder (Join-Path $helpSource 'en-US') -OutputFile (Join-Path $ModuleOut 'en-US/HostawaySync.dll-Help.xml')

    foreach ($rid in 'win-x64', 'linux-x64', 'linux-arm64', 'osx-x64', 'osx-arm64') {
        $native = Get-ChildItem (Join-Path $deps "runtimes/$rid/native") -Filter '*e_sqlite3*' -ErrorAction SilentlyContinue
        if (-not $native) { throw "The module folder lacks the native SQLite library for $rid." }
    }
    Write-Host "Module folder: $ModuleOut (version $ModuleVersion)"
}

function Invoke-Package {
    if (Test-Path -LiteralPath $PackageOut) { Remove-Item -LiteralPath $PackageOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $PackageOut
    # PSResourceGet creates its repository store in the user's data folder on first use; keep the
    # user's own settings untouched by packaging from a child pwsh with a throwaway data folder.
    $scratch = Join-Path ([IO.Path]::GetTempPath()) "hostawaysync-package-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory -Path $scratch
    $saved = @{ XDG_DATA_HOME = $env:XDG_DATA_HOME; LOCALAPPDATA = $env:LOCALAPPDATA }
    try {
        $env:XDG_DATA_HOME = $scratch; $env:LOCALAPPDATA = $scratch
        $pwsh = Get-PwshCommand
        $script = "`$ErrorActionPreference = 'Stop'; Compress-PSResource -Path '$ModuleOut' -DestinationPath '$PackageOut'"
        Invoke-Native $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script
    }
    finally {
        $env:XDG_DATA_HOME = $saved.XDG_DATA_HOME; $env:LOCALAPPDATA = $saved.LOCALAPPDATA
        Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
    }
    $package = Get-ChildItem $PackageOut -Filter "HostawaySync.$ModuleVersion.nupkg"
    if (-not $package) { throw "Compress-PSResource did not produce HostawaySync.$ModuleVersion.nupkg in $PackageOut." }
    Write-Host "Package: $($package.FullName) ($([math]::Round($package.Length / 1MB, 1)) MB)"
}

function Read-TrxCounts([string] $Folder) {
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($file in Get-ChildItem $Folder -Filter '*.trx' -Recurse -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -LiteralPath $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        # xUnit's skipped tests are counted in total but not executed (its notExecuted stays 0).
        $skipped += [Math]::Max([int]$counters.notExecuted, [int]$counters.total - [int]$counters.executed)
    }
    return [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped }
}

function Invoke-Test {
    Invoke-Native dotnet restore (Join-Path $Root 'tests/tools/tools.csproj') --packages $ToolsPackages --verbosity quiet
    if (Test-Path -LiteralPath $ResultsOut) { Remove-Item -LiteralPath $ResultsOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $ResultsOut

    $env:HOSTAWAYSYNC_MODULE_PATH = Join-Path $ModuleOut 'HostawaySync.psd1'
    $env:HOSTAWAYSYNC_PACKAGE_FOLDER = $PackageOut
    $env:HOSTAWAYSYNC_TOOLS_PACKAGES = $ToolsPackages
    $env:HOSTAWAYSYNC_SIMULATOR_PATH = Join-Path $Root "src/HostawaySync.Simulator/bin/$Configuration/net10.0/HostawaySync.Simulator.dll"
    # Tests never read or write the user's configuration file: they get their own, which does not exist.
    $env:HOSTAWAY_CONFIG_PATH = Join-Path $ResultsOut 'test-config/config.json'

    Write-Host "> dotnet test $Solution"
    # A test that hangs is stopped after 5 minutes (the slowest takes under a minute): the run fails and names it,
    # instead of waiting for CI to give up on the whole run.
    & dotnet test $Solution -c $Configuration --no-build --logger trx --results-directory (Join-Path $ResultsOut 'xunit') --nologo `
        --blame-hang-timeout 5m --blame-hang-dump-type none | Out-Host
    $xunitExit = $LASTEXITCODE
    $xunit = Read-TrxCounts (Join-Path $ResultsOut 'xunit')
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) {
        Write-Host "dotnet test exited with code $xunitExit without reporting a failed test; counting it as one failure."
        $xunit.Failed = 1
    }

    $summaryPath = Join-Path $ResultsOut 'pester-summary.json'
    $pwsh = Get-PwshCommand
    $pesterArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'tests/pester/Invoke-Tests.ps1'),
        '-PesterPath', (Join-Path $ToolsPackages 'pester/5.7.1/tools/Pester.psd1'), '-TestPath', (Join-Path $Root 'tests/pester'),
        '-ResultPath', (Join-Path $ResultsOut 'pester.xml'), '-SummaryPath', $summaryPath)
    Write-Host "> pwsh tests/pester/Invoke-Tests.ps1 (fresh process, PSModulePath starts with $Out)"
    $savedModulePath = $env:PSModulePath
    try {
        $env:PSModulePath = $Out + [IO.Path]::PathSeparator + $env:PSModulePath
        # In its own process, with a limit (it takes about 5 minutes): a hung test stops the run within minutes, not CI's hours.
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($argument in $pesterArgs) { $start.ArgumentList.Add([string]$argument) }
        $start.UseShellExecute = $false
        $pesterProcess = [System.Diagnostics.Process]::Start($start)
        if ($pesterProcess.WaitForExit([TimeSpan]::FromMinutes(20))) {
            $pesterExit = $pesterProcess.ExitCode
        }
        else {
            Write-Host 'Pester did not finish within 20 minutes: stopped. The test it was running is the last one printed above.'
            $pesterProcess.Kill($true)
            $pesterProcess.WaitForExit()
            $pesterExit = 1
        }
    }
    finally { $env:PSModulePath = $savedModulePath }
    $pester = if (Test-Path -LiteralPath $summaryPath) { Get-Content -LiteralPath $summaryPath -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 } }
    if ($pesterExit -ne 0 -and $pester.Failed -eq 0) {
        Write-Host "Pester exited with code $pesterExit without reporting a failed test; counting it as one failure."
        $pester.Failed = 1
    }

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-Host ("xUnit: {0} passed, {1} failed, {2} skipped. Pester: {3} passed, {4} failed, {5} skipped." -f $xunit.Passed, $xunit.Failed, $xunit.Skipped, $pester.Passed, $pester.Failed, $pester.Skipped)
    if ($skipped) { Write-Host ("{0} skipped in all (each with its reason above)." -f $skipped) }
    # The last line, exactly "N passed, N failed": what CI reads.
    Write-Host ("{0} passed, {1} failed" -f $passed, $failed)
    return $failed
}

function Invoke-Demo {
    $pwsh = Get-PwshCommand
    $demoArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'tests/demo/Invoke-Demo.ps1'),
        '-ModuleManifest', (Join-Path $ModuleOut 'HostawaySync.psd1'),
        '-SimulatorPath', (Join-Path $Root "src/HostawaySync.Simulator/bin/$Configuration/net10.0/HostawaySync.Simulator.dll"))
    # The demo must not read or change the user's configuration file: it uses session settings only.
    $savedConfig = $env:HOSTAWAY_CONFIG_PATH
    try {
        $env:HOSTAWAY_CONFIG_PATH = Join-Path ([IO.Path]::GetTempPath()) "hostawaysync-demo-config-$PID/config.json"
        & $pwsh[0] @demoArgs | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
    }
    finally { $env:HOSTAWAY_CONFIG_PATH = $savedConfig }
}

function Invoke-Bench {
    # The queries benchmark runs Get- cmdlets in a fresh pwsh against the module folder built above.
    $benchArgs = @((Join-Path $Root "tests/HostawaySync.Benchmarks/bin/$Configuration/net10.0/HostawaySync.Benchmarks.dll"), 'all', 'postgres',
        '--markdown', (Join-Path $Root 'docs/benchmarks.md'), '--json', (Join-Path $Root 'docs/benchmarks.json'),
        '--module', (Join-Path $ModuleOut 'HostawaySync.psd1'), '--command', 'dotnet tool restore && dotnet pwsh ./build.ps1 -Task Bench')
    foreach ($part in Get-PwshCommand) { $benchArgs += @('--pwsh', $part) }
    Invoke-Native dotnet @benchArgs
}

function Invoke-Chaos {
    $project = Join-Path $Root 'tests/HostawaySync.Chaos'
    Invoke-Native dotnet build (Join-Path $project 'HostawaySync.Chaos.csproj') -c $Configuration --nologo --verbosity minimal
    # The program writes the report section and the JSON even when a check fails, then exits 1 (Invoke-Native throws).
    Invoke-Native dotnet (Join-Path $project "bin/$Configuration/net10.0/HostawaySync.Chaos.dll") `
        --report (Join-Path $Root 'docs/benchmarks.md') --json (Join-Path $Root 'docs/chaos.json')
}

function Invoke-Clean {
    foreach ($folder in @($Out) + @(Get-ChildItem (Join-Path $Root 'src'), (Join-Path $Root 'tests') -Directory -Recurse -Include 'bin', 'obj' | ForEach-Object FullName)) {
        if (Test-Path -LiteralPath $folder) { Remove-Item -LiteralPath $folder -Recurse -Force; Write-Host "Removed $folder" }
    }
}

$failures = 0
try {
    foreach ($name in $Task) {
        switch ($name) {
            'Clean' { Invoke-Clean }
            'Build' { Invoke-Build }
            'Package' { Invoke-Build; Invoke-Package }
            'Test' { Invoke-Build; Invoke-Package; $failures += Invoke-Test }
            'Demo' { Invoke-Build; Invoke-Demo }
            'Bench' { Invoke-Build; Invoke-Bench }
            'Chaos' { Invoke-Chaos }
        }
    }
}
catch {
    Write-Host "build.ps1 failed: $($_.Exception.Message)"
    Write-Host $_.ScriptStackTrace
    # CI reads the last line: a build that could not run its tests is a failure, never "no tests".
    if ($Task -contains 'Test') { Write-Host '0 passed, 1 failed' }
    exit 1
}
exit ([int]($failures -gt 0))
