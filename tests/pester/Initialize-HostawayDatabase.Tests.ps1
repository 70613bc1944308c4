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
