# Proves that the .nupkg from `build.ps1 -Task Package` installs with PSResourceGet from a local folder
# repository and imports by name. The install runs in a child pwsh whose home is a temporary folder, so the
# user's own repositories and module folders are never touched.
BeforeDiscovery {
    $packageFolder = if ($env:HOSTAWAYSYNC_PACKAGE_FOLDER) { $env:HOSTAWAYSYNC_PACKAGE_FOLDER } else { Join-Path $PSScriptRoot '../../out/packages' }
    $script:hasPackage = [bool](Get-ChildItem $packageFolder -Filter 'HostawaySync.*.nupkg' -ErrorAction SilentlyContinue)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $packageFolder = if ($env:HOSTAWAYSYNC_PACKAGE_FOLDER) { $env:HOSTAWAYSYNC_PACKAGE_FOLDER } else { Join-Path $PSScriptRoot '../../out/packages' }
    $version = (Import-PowerShellDataFile (Get-HostawayModuleManifest)).ModuleVersion
    $package = Get-ChildItem $packageFolder -Filter "HostawaySync.$version.nupkg" -ErrorAction SilentlyContinue | Select-Object -First 1
}

Describe 'The HostawaySync package' -Skip:(-not $hasPackage) {
    It 'contains the native SQLite library of every supported platform' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package.FullName)
        try { $entries = $zip.Entries.FullName } finally { $zip.Dispose() }
        $entries | Should -Contain 'HostawaySync.psd1'
        $entries | Should -Contain 'HostawaySync.dll'
        $entries | Should -Contain 'deps/HostawaySync.Engine.dll'
        $entries | Should -Contain 'deps/runtimes/win-x64/native/e_sqlite3.dll'
        $entries | Should -Contain 'deps/runtimes/linux-x64/native/libe_sqlite3.so'
        $entries | Should -Contain 'deps/runtimes/linux-arm64/native/libe_sqlite3.so'
        $entries | Should -Contain 'deps/runtimes/osx-x64/native/libe_sqlite3.dylib'
        $entries | Should -Contain 'deps/runtimes/osx-arm64/native/libe_sqlite3.dylib'
    }

    It 'installs with Install-PSResource from a local repository and imports by name' {
        $fakeHome = New-TestFolder
        try {
            $db = Join-Path $fakeHome 'installed.db'
            $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name HostawaySyncLocal -Uri '$($package.DirectoryName)' -Trusted
Install-PSResource -Name HostawaySync -Repository HostawaySyncLocal -Scope CurrentUser -TrustRepository -Quiet
Import-Module HostawaySync
`$module = Get-Module HostawaySync
`$result = Initialize-HostawayDatabase -DatabasePath '$db'
[pscustomobject]@{ ModuleBase = `$module.ModuleBase; Version = `$module.Version.ToString(); Action = `$result.Action; Tables = `$result.Tables.Count } | ConvertTo-Json -Compress
"@
            # No inherited PSModulePath: the child must find the module where Install-PSResource put it.
            $run = Invoke-ChildPwsh -Script $script -Environment @{ HOME = $fakeHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; LOCALAPPDATA = $null; PSModulePath = $null; HOSTAWAY_DATABASE_PATH = $null } -TimeoutSeconds 180
            $run.ExitCode | Should -Be 0 -Because "$($run.Output) $($run.Error)"
            $result = ($run.Output.Trim() -split "`n")[-1] | ConvertFrom-Json
            $result.ModuleBase | Should -BeLike "$fakeHome*"
            $result.Version | Should -Be $version
            $result.Action | Should -Be 'Created'
            $result.Tables | Should -BeGreaterThan 7
            $db | Should -Exist
        }
        finally { Remove-TestFolder $fakeHome }
    }
}
