# Search-HostawayMessage over a synced account, on SQLite and on PostgreSQL; the FTS5 query language and the index
# backfill are SQLite's own and tested there only.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $sqlite = New-SyncedTestAccount -Seed 16 -Size small
    $messages = @(Invoke-RestMethod "$($sqlite.Simulator.ControlUrl)truth?resource=messages") | ForEach-Object { $_ }

    # Plain ASCII words of six letters or more, and in how many messages each occurs.
    function Get-Words([string] $Text) { [regex]::Matches($Text, '(?<![\p{L}\p{N}\p{M}])[A-Za-z]{6,}(?![\p{L}\p{N}\p{M}])').Value }
    $frequency = @{}
    foreach ($message in $messages) {
        foreach ($word in @(Get-Words $message.body | ForEach-Object ToLowerInvariant | Sort-Object -Unique)) { $frequency[$word] = 1 + [int]$frequency[$word] }
    }

    # A message and the word of it that the fewest messages share; a word many messages share.
    $target = $messages | Where-Object { Get-Words $_.body } | Select-Object -First 1 -Skip 7
    $word = Get-Words $target.body | Sort-Object { $frequency[$_.ToLowerInvariant()] }, { -$_.Length } | Select-Object -First 1
    $common = $frequency.GetEnumerator() | Where-Object Value -GE 20 | Sort-Object Value -Descending | Select-Object -First 1 -ExpandProperty Key
}
AfterAll { Remove-SyncedTestAccount $sqlite }

Describe 'Search-HostawayMessage on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        # The same simulated account (same seed) synced into the other store reads the same messages.
        $account = Get-StoreCaseAccount $Store $sqlite -Seed 16 -Size small
        $database = $account.Store.Splat
        $db = $database + @{ ConversationsPath = (Join-Path $account.Folder 'conversations') }
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll { Remove-StoreCaseAccount $account $sqlite }

    It 'finds a message by a word of its text, with the word marked in its snippet' {
        $results = Search-HostawayMessage @db -Query $word
        $results[0] | Should -BeOfType 'HostawaySync.Output.HostawayMessageSearchResult'
        # ForEach-Object, not $results.Rank: an array has a Rank property of its own (its dimensions), which wins.
        $results | ForEach-Object Rank | Should -Be (1..@($results).Count)
        $hit = $results | Where-Object MessageId -EQ $target.id
        $hit | Should -Not -BeNullOrEmpty
        $hit.Snippet | Should -Match ('\[[^\[\]]*\b' + [regex]::Escape($word) + '\b[^\[\]]*\]')
        $hit.Snippet | Should -Not -Match "`n"
        $hit.ConversationId | Should -Be $target.conversationId
        $hit.FilePath | Should -Not -BeNullOrEmpty
        $hit.Text | Should -BeNullOrEmpty
    }

    It 'takes listings from the pipeline and ranks the matches of all of them together' {
        $listingId = (Search-HostawayMessage @db -Query $word | Where-Object MessageId -EQ $target.id).ListingId
        $listing = Get-HostawayListing @database | Where-Object ListingId -EQ $listingId
        $inListing = $listing | Search-HostawayMessage @db -Query $word
        $inListing.MessageId | Should -Contain $target.id
        $inListing.ListingId | Sort-Object -Unique | Should -Be $listing.ListingId

        $everywhere = Search-HostawayMessage @db -Query $common
        $fromEveryListing = Get-HostawayListing @database | Search-HostawayMessage @db -Query $common
        $fromEveryListing.MessageId | Should -Be $everywhere.MessageId
        $fromEveryListing | ForEach-Object Rank | Should -Be (1..@($everywhere).Count)
    }

    It 'takes conversations from the pipeline' {
        $found = Get-HostawayConversation @database -ConversationId $target.conversationId | Search-HostawayMessage @db -Query $word
        $found.MessageId | Should -Contain $target.id
        $found.ConversationId | Sort-Object -Unique | Should -Be $target.conversationId
    }

    It 'an empty pipeline finds nothing' {
        @() | Search-HostawayMessage @db -Query $common | Should -BeNullOrEmpty
    }

    It '-Direction keeps the guest''s or the host''s messages' {
        $all = Search-HostawayMessage @db -Query $common
        $guest = Search-HostawayMessage @db -Query $common -Direction Guest
        $guest.Direction | Sort-Object -Unique | Should -Be 'guest'
        $guest.Count | Should -Be @($all | Where-Object Direction -EQ 'guest').Count
        $guest.Count | Should -BeLessThan $all.Count
    }

    It '-First returns the best few' {
        $all = Search-HostawayMessage @db -Query $common
        $first = Search-HostawayMessage @db -Query $common -First 3
        $first.MessageId | Should -Be ($all | Select-Object -First 3).MessageId
    }

    It '-IncludeText adds the text exactly as the API sent it' {
        $hit = Search-HostawayMessage @db -Query $word -IncludeText | Where-Object MessageId -EQ $target.id
        $hit.Text | Should -BeExactly (([string]$target.body) -replace "`r`n", "`n" -replace "`r", "`n")
    }

    It 'exports to CSV as flat columns' {
        Test-FlatCsv (Search-HostawayMessage @db -Query $common -IncludeText -First 50) $account.Folder | Should -BeTrue
    }

    It 'takes operators and punctuation in a plain query as text' {
        { Search-HostawayMessage @db -Query "AND ($word OR `"* : -" -ErrorAction Stop } | Should -Not -Throw
        (Search-HostawayMessage @db -Query "-- (`"$word!`") :*").MessageId | Should -Contain $target.id
    }

    It 'a place without a database stops with HostawayDatabaseNotFound' {
        $missing = Get-TestMissingStoreSplat $account.Store
        { Search-HostawayMessage @missing -Query $word -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayDatabaseNotFound,HostawaySync.Commands.SearchHostawayMessageCommand'
    }
}

Describe 'Search-HostawayMessage on SQLite: FTS5, the index backfill, arguments' {
    BeforeAll {
        $account = $sqlite
        $db = @{ DatabasePath = $account.DatabasePath; ConversationsPath = (Join-Path $account.Folder 'conversations') }
    }

    It 'declares its output type' {
        (Get-Command Search-HostawayMessage).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawayMessageSearchResult'
    }

    It 'an empty query is a parameter validation error' {
        { Search-HostawayMessage @db -Query '   ' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,HostawaySync.Commands.SearchHostawayMessageCommand'
    }

    It 'a bad FTS5 query stops with HostawaySearchQueryInvalid and advice' {
        $record = $null
        try { Search-HostawayMessage @db -Query "AND $word" -Syntax Fts5 -ErrorAction Stop } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -BeLike 'HostawaySearchQueryInvalid*'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        (Search-HostawayMessage @db -Query "$word OR zzzqqq" -Syntax Fts5).MessageId | Should -Contain $target.id
    }

    It 'warns that results are incomplete while the index is being built' -Skip:(-not (Get-Command sqlite3 -ErrorAction Ignore)) {
        $copy = Join-Path $account.Folder 'pending.db'
        Copy-Item -LiteralPath $account.DatabasePath -Destination $copy
        if (Test-Path -LiteralPath "$($account.DatabasePath)-wal") { Copy-Item -LiteralPath "$($account.DatabasePath)-wal" -Destination "$copy-wal" }
        sqlite3 $copy "INSERT INTO sync_state (resource, checkpoint, updated_at) VALUES ('message_search_backfill', '', '2026-01-01T00:00:00Z');"
        $LASTEXITCODE | Should -Be 0

        $null = Search-HostawayMessage -DatabasePath $copy -ConversationsPath $db.ConversationsPath -Query $word -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -HaveCount 1
        "$warnings" | Should -Match 'incomplete'
        $null = Search-HostawayMessage @db -Query $word -WarningVariable none -WarningAction SilentlyContinue
        $none | Should -BeNullOrEmpty
    }
}
