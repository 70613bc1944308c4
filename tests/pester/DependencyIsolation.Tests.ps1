# The engine's dependencies load in a private AssemblyLoadContext. Prove it the way a user would meet the
# problem: another module has already loaded different versions of Microsoft.Data.Sqlite, SQLitePCLRaw,
# Dapper and Polly into the session; HostawaySync must still work, and the other versions must stay in use.
BeforeDiscovery {
    $tools = if ($env:HOSTAWAYSYNC_TOOLS_PACKAGES) { $env:HOSTAWAYSYNC_TOOLS_PACKAGES } else { Join-Path $PSScriptRoot '../../.tools/nuget' }
    $script:hasOldVersions = Test-Path (Join-Path $tools 'microsoft.data.sqlite.core/8.0.30')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $tools = if ($env:HOSTAWAYSYNC_TOOLS_PACKAGES) { $env:HOSTAWAYSYNC_TOOLS_PACKAGES } else { (Resolve-Path (Join-Path $PSScriptRoot '../../.tools/nuget')).Path }
    $simulator = Start-TestSimulator -Seed 3
    $oldAssemblies = @(
        Join-Path $tools 'sqlitepclraw.core/2.0.6/lib/netstandard2.0/SQLitePCLRaw.core.dll'
        Join-Path $tools 'microsoft.data.sqlite.core/8.0.30/lib/net8.0/Microsoft.Data.Sqlite.dll'
        Join-Path $tools 'dapper/2.0.123/lib/net5.0/Dapper.dll'
        Join-Path $tools 'polly.core/8.1.0/lib/net6.0/Polly.Core.dll'
    )
}

AfterAll { Stop-TestSimulator $simulator }

Describe 'Dependency isolation' -Skip:(-not $hasOldVersions) {
    It 'works in a session that already loaded other versions of Sqlite, SQLitePCLRaw, Dapper and Polly' {
        foreach ($assembly in $oldAssemblies) { $assembly | Should -Exist }
        $folder = New-TestFolder
        try {
            $db = Join-Path $folder 'isolated.db'
            $list = ($oldAssemblies | ForEach-Object { "'$_'" }) -join ','
            $script = @"
`$ErrorActionPreference = 'Stop'
foreach (`$path in @($list)) { Add-Type -Path `$path }
`$before = [Microsoft.Data.Sqlite.SqliteConnection].Assembly.GetName().Version.ToString()
Import-Module '$(Get-HostawayModuleManifest)'
`$result = Initialize-HostawayDatabase -DatabasePath '$db'
`$credential = [pscredential]::new('$($simulator.AccountId)', (ConvertTo-SecureString '$($simulator.Secret)' -AsPlainText -Force))
`$sync = Invoke-HostawaySync -DatabasePath '$db' -ConversationsPath '$folder/conversations' -Resource Listings -Credential `$credential
`$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'Microsoft.Data.Sqlite', 'SQLitePCLRaw.core', 'Dapper', 'Polly.Core' } | ForEach-Object {
    [pscustomobject]@{ Name = `$_.GetName().Name; Version = `$_.GetName().Version.ToString(); Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name; Location = `$_.Location }
}
[pscustomobject]@{ Before = `$before; After = [Microsoft.Data.Sqlite.SqliteConnection].Assembly.GetName().Version.ToString(); Action = `$result.Action; Sync = `$sync.Status; Loaded = @(`$loaded) } | ConvertTo-Json -Compress -Depth 4
"@
            $run = Invoke-ChildPwsh -Script $script -Environment @{ HOSTAWAY_BASE_URL = $simulator.BaseUrl; HOSTAWAY_REQUESTS_PER_10S = '1000' }
            $run.ExitCode | Should -Be 0 -Because "$($run.Output) $($run.Error)"
            $result = ($run.Output.Trim() -split "`n")[-1] | ConvertFrom-Json

            $result.Action | Should -Be 'Created'
            $result.Sync | Should -Be 'Succeeded'
            $db | Should -Exist
            # The session's own (older) Microsoft.Data.Sqlite is still the one its code binds to.
            $result.Before | Should -BeLike '8.0.*'
            $result.After | Should -Be $result.Before
            # The old copies stay in the default context; HostawaySync's own copies (a sync used all four) live in
            # its private context, loaded from deps/.
            foreach ($name in 'Microsoft.Data.Sqlite', 'SQLitePCLRaw.core', 'Dapper', 'Polly.Core') {
                ($result.Loaded | Where-Object { $_.Name -eq $name -and $_.Context -eq 'Default' }).Location | Should -BeLike "$tools*"
            }
            $private = @($result.Loaded | Where-Object Context -EQ 'HostawaySync.Engine')
            foreach ($name in 'Microsoft.Data.Sqlite', 'SQLitePCLRaw.core', 'Dapper', 'Polly.Core') { $private.Name | Should -Contain $name }
            foreach ($copy in $private) { $copy.Location | Should -BeLike "$(Split-Path (Get-HostawayModuleManifest))*deps*" }
        }
        finally { Remove-TestFolder $folder }
    }
}
