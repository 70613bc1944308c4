# Copy-HostawayDatabase between SQLite files (and, when HOSTAWAY_TEST_POSTGRES_URL names a server, through PostgreSQL).
# The PostgreSQL paths of the copy itself are covered by the engine's xUnit tests against a throwaway server.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $account = New-SyncedTestAccount -Seed 23 -Size tiny
    $conversations = Join-Path $account.Folder 'conversations'
    $source = @{ Source = $account.DatabasePath; ConversationsPath = $conversations }
    $tables = 'Listings', 'ListingPhotos', 'Guests', 'GuestIdentityKeys', 'GuestMerges', 'Reservations', 'Conversations', 'Messages',
        'Reviews', 'ReviewCategories', 'ConversationFiles', 'SyncState', 'SyncSeen', 'SyncLogs'

    function Get-ReservationKeys([string] $DatabasePath) {
        Get-HostawayReservation -DatabasePath $DatabasePath -IncludeDeleted | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.ReservationId, $_.GuestId, $_.Status, $_.ArrivalDate }
    }
}
AfterAll { Remove-SyncedTestAccount $account }

Describe 'Copy-HostawayDatabase' {
    BeforeEach { $folder = New-TestFolder }
    AfterEach { Remove-TestFolder $folder }

    It 'copies every table into a new file, builds its search index and returns what it copied' {
        $destination = Join-Path $folder 'copy/hostaway.db'

        $result = Copy-HostawayDatabase @source -Destination $destination

        $result | Should -BeOfType 'HostawaySync.Output.HostawayDatabaseCopy'
        $result.Source | Should -Be $account.DatabasePath
        $result.Destination | Should -Be $destination
        $result.Tables | Should -Be $tables.Count
        $result.Rows | Should -Be (($tables | ForEach-Object { $result.$_ }) | Measure-Object -Sum).Sum
        $result.Reservations | Should -Be $account.Counts.reservations
        $result.Listings | Should -BeGreaterOrEqual $account.Counts.listings
        $result.SyncState | Should -BeGreaterThan 0
        $result.SyncLogs | Should -BeGreaterThan 0
        $result.ReplacedRows | Should -Be 0
        $result.RowsPerSecond | Should -BeGreaterThan 0
        $result.SearchIndex | Should -Be 'Built'
        $result.MessagesIndexed | Should -Be $result.Messages
        Get-ReservationKeys $destination | Should -Be @(Get-ReservationKeys $account.DatabasePath)
        (Get-HostawayMessage -DatabasePath $destination).Count | Should -Be $result.Messages
        $word = ((Get-HostawayMessage -DatabasePath $account.DatabasePath -ConversationsPath $conversations -IncludeText | Where-Object Text -Match '\b[a-z]{6,}\b' | Select-Object -First 1).Text | Select-String '\b[a-z]{6,}\b').Matches[0].Value
        @(Search-HostawayMessage -Query $word -DatabasePath $destination -ConversationsPath $conversations).Count |
            Should -Be @(Search-HostawayMessage -Query $word -DatabasePath $account.DatabasePath -ConversationsPath $conversations).Count
        Test-FlatCsv $result $folder | Should -BeTrue
    }

    It 'copies the store in effect when no -Source is given, and the next sync there is incremental' {
        $destination = Join-Path $folder 'hostaway.db'
        $saved = $env:HOSTAWAY_DATABASE_PATH, $env:HOSTAWAY_DATABASE_URL, $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
        try {
            $env:HOSTAWAY_DATABASE_PATH = $account.DatabasePath
            $env:HOSTAWAY_DATABASE_URL = $null
            (Copy-HostawayDatabase -Destination $destination -ConversationsPath $conversations).Source | Should -Be $account.DatabasePath

            $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $account.Simulator.BaseUrl, '1000'
            $sync = Invoke-HostawaySync -DatabasePath $destination -ConversationsPath $conversations -Credential (New-TestCredential $account.Simulator)
        }
        finally { $env:HOSTAWAY_DATABASE_PATH, $env:HOSTAWAY_DATABASE_URL, $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved }

        $sync.Status | Should -Be 'Succeeded'
        $sync.Mode | Should -Be 'Incremental'
        $sync.Created | Should -Be 0
        $sync.Updated | Should -Be 0
    }

    It '-WhatIf names every table with its rows, and writes nothing' {
        $destination = Join-Path $folder 'new/hostaway.db'
        $script = "Import-Module '$(Get-HostawayModuleManifest)'; Copy-HostawayDatabase -Source '$($account.DatabasePath)' -Destination '$destination' -ConversationsPath '$conversations' -WhatIf"

        $run = Invoke-ChildPwsh -Script $script

        $run.ExitCode | Should -Be 0 -Because $run.Error
        $text = $run.Output -replace '\s+', ' '
        $text | Should -Match 'What if: .*Copy [\d,]+ rows in 14 tables'
        $text | Should -Match "reservations $($account.Counts.reservations)\b"
        foreach ($table in 'listings', 'listing_photos', 'guests', 'messages_metadata', 'sync_state', 'sync_logs') { $text | Should -Match "\b$table [\d,]+" }
        $text | Should -Match 'build its search index'
        Join-Path $folder 'new' | Should -Not -Exist
    }

    It 'refuses a destination that holds data, leaving it untouched, and replaces it with -Force' {
        $destination = Join-Path $folder 'hostaway.db'
        $null = Copy-HostawayDatabase @source -Destination $destination
        $hash = Get-FileHashString $destination

        $failure = { Copy-HostawayDatabase @source -Destination $destination } | Should -Throw -ErrorId 'HostawayCopyDestinationNotEmpty,HostawaySync.Commands.CopyHostawayDatabaseCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'ResourceExists'
        $failure.ErrorDetails.RecommendedAction | Should -Match '-Force'
        Get-FileHashString $destination | Should -Be $hash

        $replaced = Copy-HostawayDatabase @source -Destination $destination -Force -Confirm:$false
        # What it replaced was the same copy.
        $replaced.ReplacedRows | Should -Be $replaced.Rows
        Get-ReservationKeys $destination | Should -Be @(Get-ReservationKeys $account.DatabasePath)
    }

    It 'says so when the source does not exist, and creates nothing' {
        $missing = Join-Path $folder 'none.db'
        { Copy-HostawayDatabase -Source $missing -Destination (Join-Path $folder 'out/copy.db') } |
            Should -Throw -ErrorId 'HostawayDatabaseNotFound,HostawaySync.Commands.CopyHostawayDatabaseCommand'
        Join-Path $folder 'out' | Should -Not -Exist
    }

    It 'refuses to copy a database onto itself' {
        { Copy-HostawayDatabase @source -Destination $account.DatabasePath -Force } | Should -Throw -ErrorId 'HostawayCopySameDatabase,*'
    }

    It 'declares its output type' {
        (Get-Command Copy-HostawayDatabase).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawayDatabaseCopy'
    }

    It 'copies to PostgreSQL and back, never showing the password' -Skip:(-not $env:HOSTAWAY_TEST_POSTGRES_URL) {
        $schema = 'copy_pester_' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $url = $env:HOSTAWAY_TEST_POSTGRES_URL
        $url = if ($url -match '^postgres(ql)?://') { $url + $(if ($url.Contains('?')) { '&' } else { '?' }) + "schema=$schema" } else { $url.TrimEnd(';') + ";Schema=$schema" }
        $back = Join-Path $folder 'back.db'

        $there = Copy-HostawayDatabase @source -Destination $url -Verbose 4>&1
        $result = $there | Where-Object { $_ -is [HostawaySync.Output.HostawayDatabaseCopy] }
        $again = Copy-HostawayDatabase -Source $url -Destination $back -ConversationsPath $conversations

        $result.Destination | Should -Match "^postgresql://.*schema=$schema"
        $result.SearchIndex | Should -Be 'Built'
        $again.Rows | Should -Be $result.Rows
        Get-ReservationKeys $back | Should -Be @(Get-ReservationKeys $account.DatabasePath)
        $password = ([regex]'(?i)(?<=://[^:/@]+:)[^@]+(?=@)|(?<=password=)[^;]+').Match($env:HOSTAWAY_TEST_POSTGRES_URL).Value
        if ($password) { ($there | Out-String) + ($again | Out-String) | Should -Not -Match ([regex]::Escape($password)) }
    }
}
