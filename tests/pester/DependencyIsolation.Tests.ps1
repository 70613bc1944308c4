# The engine's dependencies load in a private AssemblyLoadContext. Prove it the way a user would meet the
# problem: another module has already loaded different versions of Microsoft.Data.Sqlite, SQLitePCLRaw,
# Dapper, Polly, Npgsql and Microsoft.Extensions.Logging.Abstractions into the session; HostawaySync must still
# work, and the other versions must stay in use. And HostawaySync's own copies never reach the default context.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $tools = if ($env:HOSTAWAYSYNC_TOOLS_PACKAGES) { $env:HOSTAWAYSYNC_TOOLS_PACKAGES } else { Join-Path $PSScriptRoot '../../.tools/nuget' }
    $script:hasOldVersions = Test-Path (Join-Path $tools 'microsoft.data.sqlite.core/8.0.30')
    $script:hasOldNpgsql = Test-Path (Join-Path $tools 'npgsql/8.0.9')
    $script:postgresSkip = Get-TestPostgresSkipReason
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $tools = if ($env:HOSTAWAYSYNC_TOOLS_PACKAGES) { $env:HOSTAWAYSYNC_TOOLS_PACKAGES } else { (Resolve-Path (Join-Path $PSScriptRoot '../../.tools/nuget')).Path }
    $deps = Join-Path (Split-Path (Get-HostawayModuleManifest)) 'deps'
    $simulator = Start-TestSimulator -Seed 3
    $oldAssemblies = @(
        Join-Path $tools 'sqlitepclraw.core/2.0.6/lib/netstandard2.0/SQLitePCLRaw.core.dll'
        Join-Path $tools 'microsoft.data.sqlite.core/8.0.30/lib/net8.0/Microsoft.Data.Sqlite.dll'
        Join-Path $tools 'dapper/2.0.123/lib/net5.0/Dapper.dll'
        Join-Path $tools 'polly.core/8.1.0/lib/net6.0/Polly.Core.dll'
    )
    $oldNpgsql = @(
        Join-Path $tools 'microsoft.extensions.logging.abstractions/8.0.0/lib/net8.0/Microsoft.Extensions.Logging.Abstractions.dll'
        Join-Path $tools 'npgsql/8.0.9/lib/net8.0/Npgsql.dll'
    )
    $postgresNames = 'Npgsql', 'Microsoft.Extensions.Logging.Abstractions', 'Microsoft.Extensions.DependencyInjection.Abstractions'

    # A child pwsh's script lines that list the loaded assemblies called $Names, with their load context, as JSON-ready objects.
    function Get-LoadedScript([string[]] $Names) {
        $list = ($Names | ForEach-Object { "'$_'" }) -join ','
        "[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in $list } | ForEach-Object { [pscustomobject]@{ Name = `$_.GetName().Name; Version = `$_.GetName().Version.ToString(); Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name; Location = `$_.Location } }"
    }

    function Invoke-IsolationChild([string] $Script) {
        $run = Invoke-ChildPwsh -Script $Script -Environment @{ HOSTAWAY_BASE_URL = $simulator.BaseUrl; HOSTAWAY_REQUESTS_PER_10S = '1000' }
        $run.ExitCode | Should -Be 0 -Because "$($run.Output) $($run.Error)"
        ($run.Output.Trim() -split "`n")[-1] | ConvertFrom-Json
    }

    $credentialScript = "`$credential = [pscredential]::new('$($simulator.AccountId)', (ConvertTo-SecureString '$($simulator.Secret)' -AsPlainText -Force))"
    $folder = New-TestFolder
    $pg = if (-not (Get-TestPostgresSkipReason)) { New-TestStore -Store PostgreSQL -Folder $folder }
}

AfterAll {
    Stop-TestSimulator $simulator
    Remove-TestStore $pg
    Remove-TestFolder $folder
}

Describe 'Dependency isolation' -Skip:(-not $hasOldVersions) {
    BeforeAll {
        # One child session: the old SQLite, Dapper and Polly first, then HostawaySync on SQLite, then (with a server) on
        # PostgreSQL, which must leave Npgsql and its Microsoft.Extensions dependencies out of the default context.
        $db = Join-Path $folder 'isolated.db'
        $list = ($oldAssemblies | ForEach-Object { "'$_'" }) -join ','
        $postgresLine = if ($pg) { "`$postgres = (Initialize-HostawayDatabase -DatabaseUrl '$($pg.Url)').Action" } else { '$postgres = $null' }
        $script = @"
`$ErrorActionPreference = 'Stop'
foreach (`$path in @($list)) { Add-Type -Path `$path }
`$before = [Microsoft.Data.Sqlite.SqliteConnection].Assembly.GetName().Version.ToString()
Import-Module '$(Get-HostawayModuleManifest)'
`$result = Initialize-HostawayDatabase -DatabasePath '$db'
$credentialScript
`$sync = Invoke-HostawaySync -DatabasePath '$db' -ConversationsPath '$folder/conversations' -Resource Listings -Credential `$credential
$postgresLine
`$default = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | ForEach-Object { `$_.GetName().Name }
`$loaded = $(Get-LoadedScript ('Microsoft.Data.Sqlite', 'SQLitePCLRaw.core', 'Dapper', 'Polly.Core' + $postgresNames))
[pscustomobject]@{
    Before = `$before; After = [Microsoft.Data.Sqlite.SqliteConnection].Assembly.GetName().Version.ToString(); Action = `$result.Action; Sync = `$sync.Status
    Postgres = `$postgres; Loaded = @(`$loaded); Default = @(`$default); NpgsqlType = [bool]('Npgsql.NpgsqlConnection' -as [type])
} | ConvertTo-Json -Compress -Depth 4
"@
        $result = Invoke-IsolationChild $script
    }

    It 'works in a session that already loaded other versions of Sqlite, SQLitePCLRaw, Dapper and Polly' {
        foreach ($assembly in $oldAssemblies) { $assembly | Should -Exist }
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
        foreach ($copy in $private) { $copy.Location | Should -BeLike "$deps*" }
    }

    It 'a PostgreSQL command loads Npgsql and its dependencies in the private context only' -Skip:([bool]$postgresSkip) {
        $result.Postgres | Should -Be 'Created'
        $private = @($result.Loaded | Where-Object Context -EQ 'HostawaySync.Engine')
        foreach ($name in 'Npgsql', 'Microsoft.Extensions.Logging.Abstractions') { $private.Name | Should -Contain $name }
        foreach ($copy in $private) { $copy.Location | Should -BeLike "$deps*" }
        foreach ($name in $postgresNames) { $result.Default | Should -Not -Contain $name }
        $result.NpgsqlType | Should -BeFalse -Because 'the session cannot see HostawaySync''s Npgsql types'
    }
}

Describe 'Dependency isolation of the PostgreSQL driver' -Skip:(-not $hasOldNpgsql -or [bool]$postgresSkip) {
    It 'works on PostgreSQL in a session that already loaded another Npgsql and Microsoft.Extensions.Logging.Abstractions' {
        foreach ($assembly in $oldNpgsql) { $assembly | Should -Exist }
        $list = ($oldNpgsql | ForEach-Object { "'$_'" }) -join ','
        $script = @"
`$ErrorActionPreference = 'Stop'
foreach (`$path in @($list)) { Add-Type -Path `$path }
# The session's code uses its Npgsql before and after HostawaySync runs.
`$before = [Npgsql.NpgsqlConnectionStringBuilder]::new('Host=example.test;Port=6543').Port
Import-Module '$(Get-HostawayModuleManifest)'
`$initialize = Initialize-HostawayDatabase -DatabaseUrl '$($pg.Url)'
$credentialScript
`$sync = Invoke-HostawaySync -DatabaseUrl '$($pg.Url)' -ConversationsPath '$folder/pg-conversations' -Resource Listings -Credential `$credential
`$listings = @(Get-HostawayListing -DatabaseUrl '$($pg.Url)').Count
`$after = [Npgsql.NpgsqlConnectionStringBuilder]::new('Host=example.test;Port=6543').Port
`$loaded = $(Get-LoadedScript $postgresNames)
[pscustomobject]@{
    Before = `$before; After = `$after; Version = [Npgsql.NpgsqlConnection].Assembly.GetName().Version.ToString()
    Action = `$initialize.Action; Sync = `$sync.Status; Listings = `$listings; Loaded = @(`$loaded)
} | ConvertTo-Json -Compress -Depth 4
"@
        $result = Invoke-IsolationChild $script

        $result.Action | Should -BeIn 'Created', 'Unchanged'
        $result.Sync | Should -Be 'Succeeded'
        $result.Listings | Should -BeGreaterThan 0
        $result.Before | Should -Be 6543
        $result.After | Should -Be 6543
        $result.Version | Should -BeLike '8.0.*' -Because 'the session''s own Npgsql is the one its code binds to'
        foreach ($name in 'Npgsql', 'Microsoft.Extensions.Logging.Abstractions') {
            ($result.Loaded | Where-Object { $_.Name -eq $name -and $_.Context -eq 'Default' }).Location | Should -BeLike "$tools*"
            ($result.Loaded | Where-Object { $_.Name -eq $name -and $_.Context -eq 'HostawaySync.Engine' }).Location | Should -BeLike "$deps*"
        }
        ($result.Loaded | Where-Object { $_.Name -eq 'Npgsql' -and $_.Context -eq 'HostawaySync.Engine' }).Version | Should -BeLike '10.*'
    }
}
