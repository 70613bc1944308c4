# Shared helpers for the Pester suite. Everything here works in temporary folders; nothing touches the
# user's profile, module folders or PSResourceGet settings.
Set-StrictMode -Version Latest

function Get-HostawayModuleManifest {
    if ($env:HOSTAWAYSYNC_MODULE_PATH) { return $env:HOSTAWAYSYNC_MODULE_PATH }
    return (Resolve-Path (Join-Path $PSScriptRoot '../../out/HostawaySync/HostawaySync.psd1')).Path
}

function New-TestFolder {
    $path = Join-Path ([IO.Path]::GetTempPath()) "hostawaysync-pester-$([guid]::NewGuid().ToString('N'))"
    (New-Item -ItemType Directory -Path $path).FullName
}

function Remove-TestFolder([string] $Path) {
    if ($Path -and (Test-Path -LiteralPath $Path)) { Remove-Item -LiteralPath $Path -Recurse -Force -ErrorAction SilentlyContinue }
}

# Runs a script in a fresh pwsh (a binary module cannot be unloaded, so some tests need a clean process).
# -Environment sets variables for the child only; a $null value removes the variable.
function Invoke-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = ([IO.Path]::GetTempPath()),
        [int] $TimeoutSeconds = 120
    )
    $info = [Diagnostics.ProcessStartInfo]::new()
    $processPath = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') {
        # Started as `dotnet pwsh.dll`: start pwsh.dll the same way (no tool manifest lookup, HOME may differ).
        $info.FileName = $processPath
        $info.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))
    }
    else { $info.FileName = $processPath }
    foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $Script) { $info.ArgumentList.Add($argument) }
    $info.WorkingDirectory = $WorkingDirectory
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $info.Environment['NO_COLOR'] = '1'
    foreach ($key in $Environment.Keys) {
        if ($null -eq $Environment[$key]) { [void]$info.Environment.Remove($key) } else { $info.Environment[$key] = [string]$Environment[$key] }
    }
    $process = [Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "Child pwsh did not finish within $TimeoutSeconds s. Output so far: $($stdout.Result)"
    }
    $process.WaitForExit()
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
}

# Makes a folder unwritable even for root (chattr +i), or with chmod for ordinary users.
# Returns $false when neither is possible here, so the caller can skip visibly.
function Set-FolderReadOnly([string] $Path) {
    if ($IsWindows) {
        Set-ItemProperty -LiteralPath $Path -Name Attributes -Value ([IO.FileAttributes]::ReadOnly)
        return $false
    }
    $uid = (& id -u)
    if ($uid -eq '0') {
        & chattr +i $Path 2>$null
        return $LASTEXITCODE -eq 0
    }
    & chmod 555 $Path
    return $LASTEXITCODE -eq 0
}

function Clear-FolderReadOnly([string] $Path) {
    if ($IsWindows) { return }
    if ((& id -u) -eq '0') { & chattr -i $Path 2>$null } else { & chmod 755 $Path }
}

# Starts the Hostaway simulator (program mode, loopback only) and returns where it listens. Stop it with Stop-TestSimulator.
function Start-TestSimulator {
    param([int] $Seed = 42, [string] $Size = 'tiny', [string[]] $Arguments = @())
    $dll = if ($env:HOSTAWAYSYNC_SIMULATOR_PATH) { $env:HOSTAWAYSYNC_SIMULATOR_PATH } else { Join-Path $PSScriptRoot '../../src/HostawaySync.Simulator/bin/Release/net10.0/HostawaySync.Simulator.dll' }
    if (-not (Test-Path -LiteralPath $dll)) { throw "The simulator is not built: $dll" }
    $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($dll, '--port', '0', '--seed', $Seed, '--size', $Size, '--account-rate', '0', '--ip-rate', '0') + $Arguments) { $info.ArgumentList.Add([string]$argument) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($info)
    $baseUrl = $process.StandardOutput.ReadLine()
    if (-not $baseUrl -or -not $baseUrl.StartsWith('http://127.0.0.1:')) {
        $process.Kill($true)
        throw "The simulator did not start: $baseUrl $($process.StandardError.ReadToEnd())"
    }
    $uri = [uri]$baseUrl
    [pscustomobject]@{
        BaseUrl    = $baseUrl
        ControlUrl = "http://127.0.0.1:$($uri.Port)/_control/"
        AccountId  = '10450'
        Secret     = 'simulator-secret'
        Process    = $process
    }
}

function Stop-TestSimulator($Simulator) {
    if ($Simulator -and -not $Simulator.Process.HasExited) {
        $Simulator.Process.Kill($true)
        $Simulator.Process.WaitForExit()
    }
}

function Get-TestSimulatorStats($Simulator) { Invoke-RestMethod -Uri "$($Simulator.ControlUrl)stats" }

# Changes the running simulator's settings (rate limits, faults, paging readings) through its control surface.
function Set-TestSimulatorSettings($Simulator, [hashtable] $Settings) {
    Invoke-RestMethod -Method Put -Uri "$($Simulator.ControlUrl)settings" -ContentType 'application/json' -Body ($Settings | ConvertTo-Json -Compress) | Out-Null
}

function New-TestCredential($Simulator, [string] $Secret = $Simulator.Secret) {
    [pscredential]::new($Simulator.AccountId, (ConvertTo-SecureString $Secret -AsPlainText -Force))
}

# A simulated account synced into a temporary database: what the query cmdlets' tests read.
function New-SyncedTestAccount([int] $Seed = 11, [string] $Size = 'tiny') {
    $simulator = Start-TestSimulator -Seed $Seed -Size $Size
    $folder = New-TestFolder
    $database = Join-Path $folder 'hostaway.db'
    $saved = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
    try {
        $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $simulator.BaseUrl, '1000'
        $result = Invoke-HostawaySync -DatabasePath $database -ConversationsPath (Join-Path $folder 'conversations') -Credential (New-TestCredential $simulator)
    }
    finally { $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved }
    if ($result.Status -ne 'Succeeded') { throw "The test sync failed: $($result.ErrorMessage)" }
    [pscustomobject]@{ Simulator = $simulator; Folder = $folder; DatabasePath = $database; Counts = (Invoke-RestMethod "$($simulator.ControlUrl)counts") }
}

function Remove-SyncedTestAccount($Account) {
    if ($Account) { Stop-TestSimulator $Account.Simulator; Remove-TestFolder $Account.Folder }
}

# Exports objects to CSV and checks every column is a flat value (no System.Object[] or nested objects).
function Test-FlatCsv([object[]] $InputObject, [string] $Folder) {
    $csv = Join-Path $Folder ([guid]::NewGuid().ToString('N') + '.csv')
    $InputObject | Export-Csv -LiteralPath $csv
    $text = Get-Content -LiteralPath $csv -Raw
    return -not ($text -match 'System\.Object\[\]|System\.Collections|HostawaySync\.')
}

function Get-FileHashString([string] $Path) { (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash }

Export-ModuleMember -Function *
