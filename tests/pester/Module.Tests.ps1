BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifestPath = Get-HostawayModuleManifest
    $module = Import-Module $manifestPath -PassThru -Force
}

Describe 'The HostawaySync module folder' {
    It 'has a valid manifest that targets PowerShell 7.4+ Core' {
        $manifest = Test-ModuleManifest -Path $manifestPath
        $manifest.PowerShellVersion | Should -Be ([version]'7.4')
        $manifest.CompatiblePSEditions | Should -Be @('Core')
        $manifest.RootModule | Should -Be 'HostawaySync.dll'
    }

    It 'exports exactly the cmdlets compiled into HostawaySync.dll' {
        $compiled = [AppDomain]::CurrentDomain.GetAssemblies() |
            Where-Object { $_.GetName().Name -eq 'HostawaySync' } |
            ForEach-Object { $_.GetExportedTypes() } |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object
        $exported = $module.ExportedCmdlets.Keys | Sort-Object
        $declared = (Import-PowerShellDataFile $manifestPath).CmdletsToExport | Sort-Object
        $compiled | Should -Not -BeNullOrEmpty
        $exported | Should -Be $compiled
        $declared | Should -Be $compiled
    }

    It 'stamps the assemblies with the manifest version (the one version source)' {
        $version = [version](Import-PowerShellDataFile $manifestPath).ModuleVersion
        $module.Version | Should -Be $version
        $dll = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'HostawaySync' }
        $dll.GetName().Version.ToString(3) | Should -Be $version.ToString(3)
    }

    It 'uses only approved verbs' {
        $approved = Get-Verb | ForEach-Object Verb
        foreach ($command in Get-Command -Module HostawaySync) { $approved | Should -Contain $command.Verb }
    }

    It 'ships native SQLite for win-x64, linux-x64, linux-arm64, osx-x64 and osx-arm64' {
        $deps = Join-Path (Split-Path $manifestPath) 'deps/runtimes'
        (Get-ChildItem "$deps/win-x64/native" -Filter 'e_sqlite3.dll').Count | Should -Be 1
        (Get-ChildItem "$deps/linux-x64/native" -Filter 'libe_sqlite3.so').Count | Should -Be 1
        (Get-ChildItem "$deps/linux-arm64/native" -Filter 'libe_sqlite3.so').Count | Should -Be 1
        (Get-ChildItem "$deps/osx-x64/native" -Filter 'libe_sqlite3.dylib').Count | Should -Be 1
        (Get-ChildItem "$deps/osx-arm64/native" -Filter 'libe_sqlite3.dylib').Count | Should -Be 1
    }

    It 'keeps the engine and its dependencies out of the module root (they live in deps/)' {
        $root = Split-Path $manifestPath
        foreach ($name in 'HostawaySync.Engine.dll', 'Microsoft.Data.Sqlite.dll', 'Dapper.dll', 'Polly.Core.dll', 'SQLitePCLRaw.core.dll') {
            Join-Path $root $name | Should -Not -Exist
            Join-Path $root "deps/$name" | Should -Exist
        }
    }
}
