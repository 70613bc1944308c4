# Deleted means deleted everywhere: every query cmdlet leaves out what belongs only to rows the API no longer lists
# (the conversations of a deleted reservation, the messages of a deleted conversation or reservation, the reviews of a
# deleted reservation, a guest without a live reservation, the photos of a deleted listing) unless -IncludeDeleted asks for it; on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
}

Describe 'Deleted rows on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        # A full sync after a listing and reservations (with their conversations) were deleted marks those conversations
        # deleted; a reservations pass alone after more deletions leaves the conversations of those reservations live.
        $account = New-SyncedTestAccount -Seed 23 -Size small -Store $Store
        $database = $account.Store.Splat
        $db = $database + @{ ConversationsPath = (Join-Path $account.Folder 'conversations') }
        $sync = $db + @{ Credential = (New-TestCredential $account.Simulator) }
        $saved = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
        $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $account.Simulator.BaseUrl, '1000'
        $null = Invoke-RestMethod -Method Post "$($account.Simulator.ControlUrl)mutate" -ContentType 'application/json' -Body '{ "deletedReservations": 4, "deletedListings": 1, "seed": 5 }'
        (Invoke-HostawaySync @sync -Full).Status | Should -Be 'Succeeded'
        $null = Invoke-RestMethod -Method Post "$($account.Simulator.ControlUrl)mutate" -ContentType 'application/json' -Body '{ "deletedReservations": 4, "seed": 6 }'
        (Sync-HostawayReservation @sync -Full).Status | Should -Be 'Succeeded'

        $deletedListings = @(Get-HostawayListing @database -IncludeDeleted | Where-Object DeletedAt | ForEach-Object ListingId)
        $reservations = @(Get-HostawayReservation @database -IncludeDeleted)
        $deletedReservations = @($reservations | Where-Object DeletedAt | ForEach-Object ReservationId)
        $conversations = @(Get-HostawayConversation @database -IncludeDeleted)
        $deletedConversations = @($conversations | Where-Object DeletedAt | ForEach-Object ConversationId)
        # Live conversations of deleted reservations: what the reservations pass alone left behind.
        $orphans = @($conversations | Where-Object { -not $_.DeletedAt -and $_.ReservationId -in $deletedReservations } | ForEach-Object ConversationId)
        $hiddenConversations = @($deletedConversations) + @($orphans)
        $allMessages = @(Get-HostawayMessage @db -IncludeDeleted -IncludeText)
        $hiddenMessages = @($allMessages | Where-Object { $_.ConversationId -in $hiddenConversations -or $_.ReservationId -in $deletedReservations })
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll {
        if (-not $SkipReason) { $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved }
        Remove-SyncedTestAccount $account
    }

    It 'has deleted listings, reservations, conversations and live conversations of deleted reservations to hide' {
        $deletedListings.Count | Should -Be 1
        $deletedReservations.Count | Should -Be 8
        $deletedConversations | Should -Not -BeNullOrEmpty
        $orphans | Should -Not -BeNullOrEmpty
        @($hiddenMessages | Where-Object ConversationId -In $deletedConversations) | Should -Not -BeNullOrEmpty
        @($hiddenMessages | Where-Object ConversationId -In $orphans) | Should -Not -BeNullOrEmpty
    }

    It 'Get-HostawayMessage leaves out the messages of deleted conversations and reservations unless -IncludeDeleted' {
        $live = @(Get-HostawayMessage @database)
        $live.Count | Should -Be ($allMessages.Count - $hiddenMessages.Count)
        @($live | Where-Object MessageId -In $hiddenMessages.MessageId) | Should -BeNullOrEmpty
        @($hiddenConversations | ForEach-Object { Get-HostawayMessage @database -ConversationId $_ }) | Should -BeNullOrEmpty
        @(Get-HostawayMessage @database -ConversationId $orphans -IncludeDeleted).Count | Should -BeGreaterThan 0
        # A reservation the API still lists keeps its messages although its listing was deleted.
        @($live | Where-Object ListingId -In $deletedListings) | Should -Not -BeNullOrEmpty
    }

    It 'Search-HostawayMessage finds the messages of deleted rows only with -IncludeDeleted' {
        $target = $hiddenMessages | Where-Object { $_.Text -match '\b[A-Za-z]{7,}\b' } | Select-Object -First 1
        $target | Should -Not -BeNullOrEmpty
        $word = [regex]::Match($target.Text, '\b[A-Za-z]{7,}\b').Value
        (Search-HostawayMessage @db -Query $word -IncludeDeleted).MessageId | Should -Contain $target.MessageId
        $found = @(Search-HostawayMessage @db -Query $word)
        @($found | Where-Object MessageId -In $hiddenMessages.MessageId) | Should -BeNullOrEmpty
    }

    It 'Export-HostawayTrainingData leaves out the conversations of deleted reservations unless -IncludeDeleted' {
        $without = Join-Path $account.Folder "without-$Store.jsonl"
        $with = Join-Path $account.Folder "with-$Store.jsonl"
        $null = Export-HostawayTrainingData @db -Path $without -IncludeMetadata -IncludeUnsent
        $null = Export-HostawayTrainingData @db -Path $with -IncludeMetadata -IncludeUnsent -IncludeDeleted
        $exported = @(Get-Content -LiteralPath $without | ForEach-Object { ($_ | ConvertFrom-Json).metadata.conversationId })
        $exportedWithDeleted = @(Get-Content -LiteralPath $with | ForEach-Object { ($_ | ConvertFrom-Json).metadata.conversationId })
        $exported | Should -Not -BeNullOrEmpty
        @($exported | Where-Object { $_ -in $hiddenConversations }) | Should -BeNullOrEmpty
        @($exportedWithDeleted | Where-Object { $_ -in $orphans }) | Should -Not -BeNullOrEmpty
    }

    It 'Get-HostawayGuest leaves out guests without a live reservation unless -IncludeDeleted' {
        $gone = @($reservations | Where-Object GuestId | Group-Object GuestId | Where-Object { -not ($_.Group | Where-Object { -not $_.DeletedAt }) } | ForEach-Object { [long]$_.Name })
        $gone | Should -Not -BeNullOrEmpty
        $all = @(Get-HostawayGuest @database -IncludeDeleted)
        $live = @(Get-HostawayGuest @database)
        $live.Count | Should -Be ($all.Count - $gone.Count)
        @($live | Where-Object GuestId -In $gone) | Should -BeNullOrEmpty
        Get-HostawayGuest @database -GuestId $gone | Should -BeNullOrEmpty
        @(Get-HostawayGuest @database -GuestId $gone -IncludeDeleted).Count | Should -Be $gone.Count
    }

    It 'Get-HostawayConversation counts the conversations of deleted reservations as deleted' {
        $live = @(Get-HostawayConversation @database)
        $live.Count | Should -Be ($conversations.Count - $hiddenConversations.Count)
        @($live | Where-Object ConversationId -In $orphans) | Should -BeNullOrEmpty
        (Get-HostawayReservation @database -IncludeDeleted -ReservationId $deletedReservations | Get-HostawayConversation @database -IncludeDeleted).ConversationId |
            Should -Contain $orphans[0]
    }

    It 'keeps the files of deleted conversations in place, marked with a "# Deleted:" header line' {
        $files = @($conversations | Where-Object FilePath)
        @($files | Where-Object ConversationId -In $hiddenConversations) | Should -Not -BeNullOrEmpty
        foreach ($conversation in $files) {
            $text = Get-Content -LiteralPath (Join-Path $db.ConversationsPath $conversation.FilePath) -Raw
            $text -match '(?m)^# Deleted: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$' | Should -Be ($conversation.ConversationId -in $hiddenConversations) -Because $conversation.FilePath
        }
    }

    It 'Get-HostawayReview leaves out deleted reviews and the reviews of deleted reservations unless -IncludeDeleted' {
        $all = @(Get-HostawayReview @database -IncludeDeleted)
        $hidden = @($all | Where-Object { $_.DeletedAt -or $_.ReservationId -in $deletedReservations })
        # Live review rows of deleted reservations: what the reservations pass alone left behind.
        @($all | Where-Object { -not $_.DeletedAt -and $_.ReservationId -in $deletedReservations }) | Should -Not -BeNullOrEmpty
        $live = @(Get-HostawayReview @database)
        $live.Count | Should -Be ($all.Count - $hidden.Count)
        @($live | Where-Object ReviewId -In $hidden.ReviewId) | Should -BeNullOrEmpty
        Get-HostawayReview @database -ReservationId $deletedReservations | Should -BeNullOrEmpty
        # A reservation the API still lists keeps its reviews although its listing was deleted.
        @($live | Where-Object ListingId -In $deletedListings) | Should -Not -BeNullOrEmpty
    }

    It 'Get-HostawayReservation and Get-HostawayListingPhoto leave out deleted rows; reservations of a deleted listing stay' {
        @(Get-HostawayReservation @database | Where-Object ReservationId -In $deletedReservations) | Should -BeNullOrEmpty
        @(Get-HostawayReservation @database -ListingId $deletedListings) | Should -Not -BeNullOrEmpty
        Get-HostawayListingPhoto @database -ListingId $deletedListings | Should -BeNullOrEmpty
        Get-HostawayListingPhoto @database -ListingId $deletedListings -IncludeDeleted | Should -Not -BeNullOrEmpty
    }
}
