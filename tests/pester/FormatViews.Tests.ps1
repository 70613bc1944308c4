# Every view of the module's format file, rendered at 80 columns (a new view is covered as soon as it is added: the views
# are read from the file, and a view without a sample object below fails). Tables: no line over 80 characters, every
# column shown with its header whole on one line, one line per object. Lists: no line over 80 characters. And the run
# result's nested per-resource results print as names in Format-List, not as `{, , }`.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $formatPath = Join-Path (Split-Path (Get-HostawayModuleManifest)) 'HostawaySync.Format.ps1xml'
    $views = foreach ($view in ([xml](Get-Content -Raw -LiteralPath $formatPath)).Configuration.ViewDefinitions.View) {
        $table = $view.SelectSingleNode('TableControl')
        @{
            View     = $view.Name
            TypeName = $view.ViewSelectedBy.TypeName
            Kind     = if ($table) { 'Table' } else { 'List' }
            Labels   = if ($table) { @($table.SelectNodes('TableHeaders/TableColumnHeader') | ForEach-Object { $_.Label }) } else { @() }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $folder = New-TestFolder

    # Representative objects of each output type, with values as long as real ones get: long listing names, cities and
    # guest names, e-mail addresses, file paths, error ids and URLs.
    $longPath = Join-Path $folder 'a folder with a rather long name/conversations/2026/07/conversation-98765432.jsonl'
    $when = [datetime]::new(2026, 7, 14, 15, 30, 45, [DateTimeKind]::Utc)
    $resource = @{ Resource = 'Conversations'; Mode = 'Incremental'; Status = 'Failed'; Created = 123456; Updated = 98765; Unchanged = 1234567
        Deleted = 12345; Messages = 2345678; Requests = 98765; Retries = 123; RateLimited = 4567; Duration = [timespan]::FromMinutes(83.5)
        ErrorId = 'HostawayConversationFileWriteFailed'; ErrorMessage = 'The conversation file could not be written: the disk is full.' }
    $samples = @{
        'HostawaySync.Output.HostawaySyncResult'           = {
            $resources = @([HostawaySync.Output.HostawayResourceSyncResult]$resource)
            [HostawaySync.Output.HostawaySyncResult]@{ RunId = [guid]::NewGuid().ToString(); Status = 'Cancelled'; Mode = 'Incremental'; StartedAt = $when
                Duration = [timespan]::FromHours(26.5); Created = 1234567; Updated = 987654; Unchanged = 12345678; Deleted = 123456; Messages = 12345678
                Requests = 1234567; Retries = 1234; RateLimited = 12345; ErrorId = 'HostawayConversationPathOutsideRoot'; ErrorMessage = 'x' * 200
                DatabasePath = $longPath; Resources = $resources }
        }
        'HostawaySync.Output.HostawayResourceSyncResult'   = { [HostawaySync.Output.HostawayResourceSyncResult]$resource }
        'HostawaySync.Output.HostawaySyncLogEntry'         = {
            [HostawaySync.Output.HostawaySyncLogEntry]@{ Id = 123456; RunId = [guid]::NewGuid().ToString(); Resource = 'Conversations'; Mode = 'Incremental'
                Status = 'Cancelled'; StartedAt = $when; FinishedAt = $when.AddHours(2); Duration = [timespan]::FromHours(2); Created = 123456; Updated = 98765
                Unchanged = 1234567; Deleted = 12345; Requests = 98765; Retries = 123; RateLimited = 4567; ErrorId = 'HostawayConversationFileWriteFailed'
                ErrorMessage = 'y' * 200; CursorBefore = '{"updatedSince":"2026-07-14T15:30:45Z"}'; ModuleVersion = '1.0.0' }
        }
        'HostawaySync.Output.HostawayStoredCredential'     = {
            [HostawaySync.Output.HostawayStoredCredential]@{ AccountId = '1234567890'; StoredIn = 'File'; Path = $longPath; Protection = 'FileMode'
                SetAt = $when; InEffect = $true }
        }
        'HostawaySync.Output.HostawayListing'              = {
            [HostawaySync.Output.HostawayListing]@{ ListingId = 123456789; Name = 'Sunny two-bedroom apartment with a sea view, steps from the old harbour and the beach'
                InternalName = 'SMB-APT-2BR-SEAVIEW-0042'; Address = '1234 Avenue des Champs-Élysées, Bâtiment C, Escalier 4, 3e étage, porte gauche'
                City = 'Saint-Martin-de-Belleville-les-Trois-Vallées'; Country = 'United Kingdom of Great Britain and Northern Ireland'; Bedrooms = 12
                Bathrooms = 10.5; PersonCapacity = 24; Price = 12345.67; CurrencyCode = 'EUR'; TimeZone = 'America/Argentina/ComodRivadavia'
                SpecialStatus = 'archived'; PhotoCount = 1234; LatestActivityOn = $when; DeletedAt = $when }
        }
        'HostawaySync.Output.HostawayReservation'          = {
            [HostawaySync.Output.HostawayReservation]@{ ReservationId = 123456789; ListingId = 123456789; GuestId = 1234567; ChannelName = 'bookingcom'
                Status = 'inquiryPreapproved'; ArrivalDate = $when.Date; DepartureDate = $when.Date.AddDays(365); Nights = 365; NumberOfGuests = 24
                TotalPrice = 1234567.89; Currency = 'EUR'; GuestName = 'Maximilian Alexander Freiherr von Hohenberg-Schillingsfürst'
                GuestEmail = 'maximilian.alexander.von.hohenberg-schillingsfuerst@example-mail-provider.com'; ConfirmationCode = 'HMABCDEFGH12345'
                ReservationDate = $when; UpdatedOn = $when; DeletedAt = $when }
        }
        'HostawaySync.Output.HostawayGuest'                = {
            [HostawaySync.Output.HostawayGuest]@{ GuestId = 1234567; FullName = 'Maximilian Alexander Freiherr von Hohenberg-Schillingsfürst'
                Email = 'maximilian.alexander.von.hohenberg-schillingsfuerst@example-mail-provider.com'; Phone = '+44 20 7946 0958 ext. 12345'
                City = 'Saint-Martin-de-Belleville'; Country = 'United Kingdom of Great Britain and Northern Ireland'; ReservationCount = 1234
                FirstArrivalDate = $when; LastArrivalDate = $when }
        }
        'HostawaySync.Output.HostawayConversation'         = {
            [HostawaySync.Output.HostawayConversation]@{ ConversationId = 123456789; ReservationId = 123456789; ListingId = 123456789; GuestId = 1234567
                RecipientName = 'Maximilian Alexander Freiherr von Hohenberg-Schillingsfürst'; Type = 'guest'; MessageCount = 12345; MessageSentOn = $when
                MessageReceivedOn = $when; FilePath = $longPath; DeletedAt = $when }
        }
        'HostawaySync.Output.HostawayMessage'              = {
            [HostawaySync.Output.HostawayMessage]@{ MessageId = -123456789; ConversationId = 123456789; ReservationId = 123456789; ListingId = 123456789
                Direction = 'guest'; SentAt = $when; CommunicationType = 'channel'; Status = 'delivered'; BodyLength = 123456; FilePath = $longPath
                FilePosition = 12345; Text = "Hello! We are arriving late tonight,`naround 23:30. Is self check-in possible? " * 5 }
        }
        'HostawaySync.Output.HostawayReview'               = {
            [HostawaySync.Output.HostawayReview]@{ ReviewId = 123456789; ListingId = 123456789; ReservationId = 123456789; GuestId = 1234567
                ListingName = 'Sunny two-bedroom apartment with a sea view, steps from the old harbour and the beach'
                GuestName = 'Maximilian Alexander Freiherr von Hohenberg-Schillingsfürst'; ChannelId = 2005; ChannelName = 'bookingcom'
                Type = 'guest-to-host'; Status = 'published'; Rating = 9.75; Cleanliness = 10; Staff = 9.5; ValueForMoney = 8.25
                OtherCategoryRatings = 'wifi_quality=7; breakfast=8.5'; PublicReview = 'Lovely stay, "spotless" flat.' * 10
                ArrivalAt = $when.AddDays(-7); DepartureAt = $when; ExternalReviewId = 'HMREVIEW1234567890'; DeletedAt = $when }
        }
        'HostawaySync.Output.HostawayListingPhoto'         = {
            [HostawaySync.Output.HostawayListingPhoto]@{ PhotoId = 123456789; ListingId = 123456789; SortOrder = 123
                ListingName = 'Sunny two-bedroom apartment with a sea view, steps from the old harbour and the beach'
                Url = 'https://hostaway-platform.s3.us-west-2.amazonaws.com/listing/12345-123456789-abcdefghijklmnopqrstuvwxyz0123456789.jpeg'
                Caption = 'The living room at sunset, with the view over the old harbour and the lighthouse'; UpdatedAt = $when }
        }
        'HostawaySync.Output.HostawaySyncDrift'            = {
            [HostawaySync.Output.HostawaySyncDrift]@{ Resource = 'Conversations'; Status = 'Missing'; ApiCount = 12345678; StoredCount = 12345678
                Difference = -1234567; LastSyncedAt = $when; DatabasePath = $longPath }
        }
        'HostawaySync.Output.HostawayConfigurationSetting' = {
            [HostawaySync.Output.HostawayConfigurationSetting]@{ Name = 'IncrementalOverlapMinutes'; Value = $longPath; Source = 'Environment'
                EnvironmentVariable = 'HOSTAWAY_CONVERSATIONS_PATH'; DefaultValue = 'x'; Description = 'z' * 200; ConfigurationPath = $longPath }
        }
        'HostawaySync.Output.HostawayReviewSearchResult'   = {
            [HostawaySync.Output.HostawayReviewSearchResult]@{ Rank = 1234; Score = 12.345; ReviewId = 123456789; ListingId = 123456789
                ReservationId = 123456789; GuestId = 123456789; Type = 'GuestToHost'; Status = 'published'; Rating = 9.5; DepartureAt = $when
                ListingName = 'Sunny two-bedroom apartment with a sea view, steps from the old harbour and the beach'
                GuestName = 'Maximilian Alexander Freiherr von Hohenberg-Schillingsfürst'
                Snippet = 'the flat was spotless and the [terrace] had the best view of the harbour at sunset, would come back'
                PublicReview = 'x' * 500; PrivateFeedback = 'y' * 200; RevieweeResponse = 'z' * 300 }
        }
        'HostawaySync.Output.HostawayMessageSearchResult'  = {
            [HostawaySync.Output.HostawayMessageSearchResult]@{ Rank = 1234; Score = 12.345; MessageId = 123456789; ConversationId = 123456789
                ReservationId = 123456789; ListingId = 123456789; Direction = 'guest'; SentAt = $when
                ListingName = 'Sunny two-bedroom apartment with a sea view, steps from the old harbour and the beach'
                GuestName = 'Maximilian Alexander Freiherr von Hohenberg-Schillingsfürst'
                Snippet = 'we are arriving late tonight, around 23:30. Is [self check-in] possible with the key box by the door?'; FilePath = $longPath }
        }
        'HostawaySync.Output.HostawayTrainingDataExport'   = {
            [HostawaySync.Output.HostawayTrainingDataExport]@{ Path = $longPath; Conversations = 1234567; Messages = 12345678; Turns = 12345678
                SkippedConversations = 12345; RedactedEmails = 1234567; RedactedPhones = 1234567; RedactedNames = 1234567; RedactedAccessCodes = 1234567; Bytes = 12345678901
                Duration = [timespan]::FromHours(3.25) }
        }
        'HostawaySync.Output.HostawayDatabaseCopy'         = {
            [HostawaySync.Output.HostawayDatabaseCopy]@{ Source = $longPath; Destination = 'postgresql://hostaway_reporting_user@database-server.internal.example.com:5432/hostaway_reporting?schema=hostaway'
                Tables = 12; Rows = 123456789; Listings = 123456; Reservations = 12345678; Messages = 123456789; ReplacedRows = 12345678
                Duration = [timespan]::FromHours(2.5); RowsPerSecond = 12345.6; SearchIndex = 'Built'; MessagesIndexed = 123456789
                SearchIndexDuration = [timespan]::FromMinutes(75) }
        }
        # Its properties have private setters: Initialize-HostawayDatabase makes one, in a folder with a long name.
        'HostawaySync.Output.HostawayDatabaseInfo'         = {
            $deep = Join-Path $folder 'a folder with a rather long name/and another one below it'
            $null = New-Item -ItemType Directory -Path $deep -Force
            Initialize-HostawayDatabase -DatabasePath (Join-Path $deep 'hostaway-reporting-database.db')
        }
    }

    # The lines an object takes in a table: the rendered text at 80 columns, blank lines dropped.
    function Get-RenderedLine([object[]] $InputObject, [string] $Kind) {
        $text = if ($Kind -eq 'Table') { $InputObject | Format-Table | Out-String -Width 80 } else { $InputObject | Format-List | Out-String -Width 80 }
        @($text -split '\r?\n' | Where-Object { $_.Trim() })
    }
}

AfterAll { Remove-TestFolder $folder }

Describe 'The <View> view (<Kind>) at 80 columns' -ForEach $views {
    BeforeAll {
        $objects = if ($samples.ContainsKey($TypeName)) { @(& $samples[$TypeName]; & $samples[$TypeName]) } else { @() }
        $lines = if ($objects) { Get-RenderedLine $objects $Kind } else { @() }
    }

    It 'has a sample object in this file' {
        $samples.Keys | Should -Contain $TypeName -Because 'every view is rendered with a representative object'
        $objects[0].GetType().FullName | Should -Be $TypeName
    }

    It 'keeps every line within 80 characters' {
        $lines | Should -Not -BeNullOrEmpty
        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
    }

    It 'shows every column, each header whole on one line, and one line per object' -ForEach @($views | Where-Object { $_.View -eq $View -and $_.Kind -eq 'Table' }) {
        # Header, underline, then one line per object: a column squeezed into one letter per line, a wrapped header or
        # a dropped column would each change this shape.
        $lines.Count | Should -Be (2 + $objects.Count) -Because ($lines -join "`n")
        $lines[1] | Should -Match '^[- ]+$'
        $underlines = [regex]::Matches($lines[1], '-+')
        $underlines.Count | Should -Be $Labels.Count -Because "every column fits ($($lines[0]))"
        for ($i = 0; $i -lt $Labels.Count; $i++) {
            $header = $lines[0].Substring($underlines[$i].Index, [Math]::Min($underlines[$i].Length, $lines[0].Length - $underlines[$i].Index)).Trim()
            $header | Should -BeExactly $Labels[$i]
        }
        # The first column (the id, the time or the name) is never cut short.
        foreach ($row in $lines[2..($lines.Count - 1)]) {
            $row.Substring(0, [Math]::Min($underlines[0].Length, $row.Length)) | Should -Not -Match '…'
        }
    }
}

Describe 'Deleted rows in the tables' {
    # Deleted rows only appear with -IncludeDeleted; the tables have no room for a Deleted column, so the last column says it.
    It 'marks a deleted <Type> in its last column, and only a deleted one' -ForEach @(
        @{ Type = 'listing'; Make = { param($deleted) [HostawaySync.Output.HostawayListing]@{ ListingId = 1; Name = 'Loft Mitte'; DeletedAt = $deleted } } }
        @{ Type = 'reservation'; Make = { param($deleted) [HostawaySync.Output.HostawayReservation]@{ ReservationId = 1; GuestName = 'Ana Silva'; DeletedAt = $deleted } } }
        @{ Type = 'conversation'; Make = { param($deleted) [HostawaySync.Output.HostawayConversation]@{ ConversationId = 1; RecipientName = 'Ana Silva'; DeletedAt = $deleted } } }
        @{ Type = 'review'; Make = { param($deleted) [HostawaySync.Output.HostawayReview]@{ ReviewId = 1; ListingName = 'Loft Mitte'; DeletedAt = $deleted } } }
    ) {
        $live = & $Make $null | Format-Table | Out-String -Width 80
        $gone = & $Make ([datetime]::UtcNow) | Format-Table | Out-String -Width 80
        $live | Should -Not -Match '\(deleted\)'
        $gone | Should -Match '\(deleted\) (Loft Mitte|Ana Silva)'
    }
}

Describe 'Invoke-HostawaySync | Format-List' {
    BeforeAll {
        $syncFolder = New-TestFolder
        $simulator = Start-TestSimulator -Seed 7 -Size tiny
        $saved = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
        try {
            $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $simulator.BaseUrl, '1000'
            $result = Invoke-HostawaySync -DatabasePath (Join-Path $syncFolder 'hostaway.db') -ConversationsPath (Join-Path $syncFolder 'conversations') -Credential (New-TestCredential $simulator)
        }
        finally { $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved }
    }
    AfterAll { Stop-TestSimulator $simulator; Remove-TestFolder $syncFolder }

    It 'shows each resource by name and outcome, not as {, , }' {
        $result.Status | Should -Be 'Succeeded'
        $text = $result | Format-List | Out-String -Width 80
        $text | Should -Not -Match '\{, , \}'
        # Format-List wraps the value at 80 columns: compare without the white space.
        $text -replace '\s' | Should -Match ([regex]::Escape('Resources:{Listings:Succeeded,Reservations:Succeeded,Conversations:Succeeded,Reviews:Succeeded}'))
        ($text -split '\r?\n' | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
    }

    It 'a resource that failed shows its error id' {
        $failed = [HostawaySync.Output.HostawayResourceSyncResult]@{ Resource = 'Conversations'; Status = 'Failed'; ErrorId = 'HostawayConversationFileWriteFailed' }
        "$failed" | Should -BeExactly 'Conversations: Failed (HostawayConversationFileWriteFailed)'
    }
}
