# Initialize-HostawayDatabase on SQLite files, and on PostgreSQL schemas.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $postgresSkip = Get-TestPostgresSkipReason
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $script:expectedTables = 'listings', 'listing_photos', 'guests', 'reservations', 'conversations', 'messages_metadata', 'message_search', 'sync_logs', 'schema_migrations'
}

Describe 'Initialize-HostawayDatabase' {
    BeforeEach { $folder = New-TestFolder }
    AfterEach { Remove-TestFolder $folder }

    It 'creates the database, folders included, and describes it' {
        $path = Join-Path $folder 'a/b/hostaway.db'
        $result = Initialize-HostawayDatabase -DatabasePath $path
        $result | Should -BeOfType 'HostawaySync.Output.HostawayDatabaseInfo'
        $result.Path | Should -Be $path
        $result.Action | Should -Be 'Created'
        $result.SchemaVersion | Should -BeGreaterThan 0
        $result.JournalMode | Should -Be 'wal'
        foreach ($table in $expectedTables) { $result.Tables | Should -Contain $table }
        $path | Should -Exist
    }

    It 'is idempotent on an existing database' {
        $path = Join-Path $folder 'hostaway.db'
        $first = Initialize-HostawayDatabase -DatabasePath $path
        $second = Initialize-HostawayDatabase -DatabasePath $path
        $second.Action | Should -Be 'Unchanged'
        $second.SchemaVersion | Should -Be $first.SchemaVersion
        $second.Tables | Should -Be $first.Tables
    }

    It 'declares its output type' {
        (Get-Command Initialize-HostawayDatabase).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawayDatabaseInfo'
    }

    It '-WhatIf creates no file and no folder' {
        $path = Join-Path $folder 'new/hostaway.db'
        $result = Initialize-HostawayDatabase -DatabasePath $path -WhatIf
        $result | Should -BeNullOrEmpty
        Join-Path $folder 'new' | Should -Not -Exist
    }

    It '-WhatIf on an existing database changes no byte and adds no side file' {
        $path = Join-Path $folder 'hostaway.db'
        $null = Initialize-HostawayDatabase -DatabasePath $path
        $hash = Get-FileHashString $path
        Initialize-HostawayDatabase -DatabasePath $path -WhatIf
        Get-FileHashString $path | Should -Be $hash
        (Get-ChildItem $folder).Name | Should -Be @('hostaway.db')
    }

    It 'accepts a path from the pipeline (Get-Item output binds by FullName)' {
        $path = Join-Path $folder 'piped.db'
        Set-Content -LiteralPath $path -Value $null -NoNewline
        $result = Get-Item -LiteralPath $path | Initialize-HostawayDatabase
        $result.Path | Should -Be $path
        $result.Tables | Should -Contain 'reservations'
    }

    It 'uses HOSTAWAY_DATABASE_PATH when no path is given' {
        $path = Join-Path $folder 'from-env/hostaway.db'
        $saved = $env:HOSTAWAY_DATABASE_PATH
        try {
            $env:HOSTAWAY_DATABASE_PATH = $path
            (Initialize-HostawayDatabase).Path | Should -Be $path
        }
        finally { $env:HOSTAWAY_DATABASE_PATH = $saved }
        $path | Should -Exist
    }

    It 'defaults to data/database/hostaway.db in the per-user data folder' -Skip:($IsWindows -or $IsMacOS) {
        # A child pwsh with a throwaway home, so the real profile is never touched.
        $script = "Import-Module '$(Get-HostawayModuleManifest)'; (Initialize-HostawayDatabase).Path"
        $run = Invoke-ChildPwsh -Script $script -Environment @{ HOME = $folder; XDG_DATA_HOME = $null; HOSTAWAY_DATABASE_PATH = $null }
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $expected = Join-Path $folder '.local/share/HostawaySync/data/database/hostaway.db'
        $run.Output.Trim() | Should -Be $expected
        $expected | Should -Exist
    }

    Context 'refuses what it must not touch' {
        It 'a path that is a directory: HostawayDatabasePathIsDirectory' {
            { Initialize-HostawayDatabase -DatabasePath $folder -ErrorAction Stop } |
                Should -Throw -ErrorId 'HostawayDatabasePathIsDirectory,HostawaySync.Commands.InitializeHostawayDatabaseCommand'
            Get-ChildItem $folder | Should -BeNullOrEmpty
        }

        It 'a file that is not SQLite: HostawayDatabaseNotSqlite, file unchanged' {
            $path = Join-Path $folder 'budget.xlsx'
            Set-Content -LiteralPath $path -Value ('not a database ' * 20)
            $hash = Get-FileHashString $path
            $failure = { Initialize-HostawayDatabase -DatabasePath $path -ErrorAction Stop } |
                Should -Throw -ErrorId 'HostawayDatabaseNotSqlite,HostawaySync.Commands.InitializeHostawayDatabaseCommand' -PassThru
            $failure.CategoryInfo.Category | Should -Be 'InvalidData'
            $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            $failure.Exception.Message | Should -BeLike "*$path*"
            Get-FileHashString $path | Should -Be $hash
            (Get-ChildItem $folder).Name | Should -Be @('budget.xlsx')
        }

        It 'terminates a script that runs with ErrorAction Stop' {
            $path = Join-Path $folder 'junk.db'
            Set-Content -LiteralPath $path -Value 'junk'
            $reached = $false
            try {
                $ErrorActionPreference = 'Stop'
                Initialize-HostawayDatabase -DatabasePath $path
                $reached = $true
            }
            catch { $caught = $_ }
            $reached | Should -BeFalse
            $caught.FullyQualifiedErrorId | Should -BeLike 'HostawayDatabaseNotSqlite,*'
        }

        It 'a read-only folder: HostawayDatabaseNotWritable, nothing created' {
            $readOnly = Join-Path $folder 'locked'
            $null = New-Item -ItemType Directory -Path $readOnly
            if (-not (Set-FolderReadOnly $readOnly)) { Set-ItResult -Skipped -Because 'this system cannot make a folder read-only for the current user'; return }
            try {
                $failure = { Initialize-HostawayDatabase -DatabasePath (Join-Path $readOnly 'hostaway.db') -ErrorAction Stop } |
                    Should -Throw -ErrorId 'HostawayDatabaseNotWritable,HostawaySync.Commands.InitializeHostawayDatabaseCommand' -PassThru
                $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
                $failure.ErrorDetails.RecommendedAction | Should -BeLike '*-DatabasePath*'
                Get-ChildItem $readOnly | Should -BeNullOrEmpty
            }
            finally { Clear-FolderReadOnly $readOnly }
        }

        It 'an existing database in a folder made read-only: HostawayDatabaseNotWritable, database intact' {
            $inner = Join-Path $folder 'frozen'
            $path = Join-Path $inner 'hostaway.db'
            $null = Initialize-HostawayDatabase -DatabasePath $path
            # A WAL database cannot even be read without creating its -shm file beside it.
            $hash = Get-FileHashString $path
            if (-not (Set-FolderReadOnly $inner)) { Set-ItResult -Skipped -Because 'this system cannot make a folder read-only for the current user'; return }
            try {
                { Initialize-HostawayDatabase -DatabasePath $path -ErrorAction Stop } |
                    Should -Throw -ErrorId 'HostawayDatabaseNotWritable,HostawaySync.Commands.InitializeHostawayDatabaseCommand'
            }
            finally { Clear-FolderReadOnly $inner }
            Get-FileHashString $path | Should -Be $hash
        }

        It 'a path on a provider other than the file system: HostawayDatabasePathInvalid' {
            { Initialize-HostawayDatabase -DatabasePath 'Env:/hostaway.db' -ErrorAction Stop } |
                Should -Throw -ErrorId 'HostawayDatabasePathInvalid,HostawaySync.Commands.InitializeHostawayDatabaseCommand'
        }
    }
}

Describe 'Initialize-HostawayDatabase on PostgreSQL' {
    BeforeEach {
        if ($postgresSkip) { Set-ItResult -Skipped -Because $postgresSkip }
        $folder = New-TestFolder
        $testStore = New-TestStore -Store PostgreSQL -Folder $folder
        $url = $testStore.Url
        function Get-Schemas { Invoke-TestPostgresSql -Database $testStore.Database -Sql "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname NOT IN ('information_schema', 'public') ORDER BY 1;" }
    }
    AfterEach { Remove-TestStore $testStore; Remove-TestFolder $folder }

    It 'creates the schema and its tables in an existing database, and describes them without a password' {
        $result = Initialize-HostawayDatabase -DatabaseUrl $url
        $result | Should -BeOfType 'HostawaySync.Output.HostawayDatabaseInfo'
        $result.Provider | Should -Be 'PostgreSQL'
        $result.Action | Should -Be 'Created'
        $result.PreviousSchemaVersion | Should -Be 0
        $result.SchemaVersion | Should -BeGreaterThan 0
        $result.Schema | Should -Be 'hostaway'
        $result.DatabaseUrl | Should -Be $testStore.Display
        $result.Path | Should -BeNullOrEmpty
        $result.ServerVersion | Should -Match '^\d+'
        foreach ($table in $expectedTables) { $result.Tables | Should -Contain $table }
        Get-Schemas | Should -Be 'hostaway'
        ($result | Format-List | Out-String) | Should -Match 'ServerVersion'
    }

    It 'is idempotent, and takes the URL from piped objects' {
        $first = Initialize-HostawayDatabase -DatabaseUrl $url
        $second = [pscustomobject]@{ DatabaseUrl = $first.DatabaseUrl; DatabasePath = $null } | Initialize-HostawayDatabase
        $second.Action | Should -Be 'Unchanged'
        $second.SchemaVersion | Should -Be $first.SchemaVersion
        $second.Tables | Should -Be $first.Tables
    }

    It 'uses the schema the URL names, and the DatabaseUrl setting when no parameter is given' {
        $saved = $env:HOSTAWAY_DATABASE_URL
        try {
            $env:HOSTAWAY_DATABASE_URL = Get-TestPostgresUrl -Database $testStore.Database -Query 'schema=analytics_sync'
            $result = Initialize-HostawayDatabase
        }
        finally { $env:HOSTAWAY_DATABASE_URL = $saved }
        $result.Schema | Should -Be 'analytics_sync'
        Get-Schemas | Should -Be 'analytics_sync'
    }

    It '-WhatIf connects and says what it would do, but creates nothing' {
        Initialize-HostawayDatabase -DatabaseUrl $url -WhatIf | Should -BeNullOrEmpty
        Get-Schemas | Should -BeNullOrEmpty
        $null = Initialize-HostawayDatabase -DatabaseUrl $url
        $before = Get-TestStoreSnapshot $testStore
        Initialize-HostawayDatabase -DatabaseUrl $url -WhatIf | Should -BeNullOrEmpty
        Get-TestStoreSnapshot $testStore | Should -Be $before
    }

    It 'refuses a schema another application uses with HostawayDatabaseForeign, leaving it untouched' {
        $null = Invoke-TestPostgresSql -Database $testStore.Database -Sql 'CREATE SCHEMA hostaway; CREATE TABLE hostaway.invoices (id int); INSERT INTO hostaway.invoices VALUES (1);'
        foreach ($whatIf in $true, $false) {
            $failure = { Initialize-HostawayDatabase -DatabaseUrl $url -WhatIf:$whatIf -ErrorAction Stop } |
                Should -Throw -ErrorId 'HostawayDatabaseForeign,HostawaySync.Commands.InitializeHostawayDatabaseCommand' -PassThru
            $failure.CategoryInfo.Category | Should -Be 'InvalidData'
            $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }
        Invoke-TestPostgresSql -Database $testStore.Database -Sql "SELECT string_agg(table_name, ',') FROM information_schema.tables WHERE table_schema = 'hostaway';" | Should -Be 'invoices'
    }

    It 'refuses a schema a newer HostawaySync wrote with HostawayDatabaseSchemaTooNew, changing nothing' {
        $null = Initialize-HostawayDatabase -DatabaseUrl $url
        $null = Invoke-TestPostgresSql -Database $testStore.Database -Sql "INSERT INTO hostaway.schema_migrations (version, name, applied_at, module_version) VALUES (999, 'from the future', now(), '99.0.0');"
        $before = Get-TestStoreSnapshot $testStore
        { Initialize-HostawayDatabase -DatabaseUrl $url -ErrorAction Stop } |
            Should -Throw -ErrorId 'HostawayDatabaseSchemaTooNew,HostawaySync.Commands.InitializeHostawayDatabaseCommand'
        Get-TestStoreSnapshot $testStore | Should -Be $before
    }

    It 'a database the server does not have stops with HostawayDatabaseMissing, and creates none' {
        $missing = Get-TestPostgresUrl -Database 'hostawaysync_no_such_database'
        $failure = { Initialize-HostawayDatabase -DatabaseUrl $missing -ErrorAction Stop } |
            Should -Throw -ErrorId 'HostawayDatabaseMissing,HostawaySync.Commands.InitializeHostawayDatabaseCommand' -PassThru
        $failure.Exception.Message | Should -Match 'hostawaysync_no_such_database'
        Invoke-TestPostgresSql -Sql "SELECT count(*) FROM pg_database WHERE datname = 'hostawaysync_no_such_database';" | Should -Be '0'
    }

    It '-DatabasePath and -DatabaseUrl together are refused before anything happens' {
        { Initialize-HostawayDatabase -DatabasePath (Join-Path $folder 'a.db') -DatabaseUrl $url -ErrorAction Stop } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,HostawaySync.Commands.InitializeHostawayDatabaseCommand'
        Join-Path $folder 'a.db' | Should -Not -Exist
        Get-Schemas | Should -BeNullOrEmpty
    }
}
