# Search-HostawayReview over a synced account, on SQLite and on PostgreSQL: the message search's query language over the
# reviews' public text, private feedback and host response, the same results in the same order in both stores.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $sqlite = New-SyncedTestAccount -Seed 17 -Size small
    $reviews = @(Invoke-RestMethod "$($sqlite.Simulator.ControlUrl)truth?resource=reviews") | ForEach-Object { $_ }

    function Get-Words([string] $Text) { [regex]::Matches($Text, '(?<![\p{L}\p{N}\p{M}])[A-Za-z]{6,}(?![\p{L}\p{N}\p{M}])').Value }
    function Get-ReviewText($Review) { @($Review.publicReview, $Review.privateFeedback, $Review.revieweeResponse) -join "`n" }
    $frequency = @{}
    foreach ($review in $reviews) {
        foreach ($word in @(Get-Words (Get-ReviewText $review) | ForEach-Object ToLowerInvariant | Sort-Object -Unique)) { $frequency[$word] = 1 + [int]$frequency[$word] }
    }

    # A guest review with text, and the word of it the fewest reviews share; a word many reviews share.
    $target = $reviews | Where-Object { $_.type -eq 'guest-to-host' -and $_.publicReview -and (Get-Words $_.publicReview) } | Select-Object -First 1 -Skip 3
    $word = Get-Words $target.publicReview | Sort-Object { $frequency[$_.ToLowerInvariant()] }, { -$_.Length } | Select-Object -First 1
    $common = $frequency.GetEnumerator() | Where-Object Value -GE 10 | Sort-Object Value -Descending | Select-Object -First 1 -ExpandProperty Key
    $sqliteResults = @(Search-HostawayReview -DatabasePath $sqlite.DatabasePath -Query $common)
}
AfterAll { Remove-SyncedTestAccount $sqlite }

Describe 'Search-HostawayReview on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        $account = Get-StoreCaseAccount $Store $sqlite -Seed 17 -Size small
        $db = $account.Store.Splat
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll { Remove-StoreCaseAccount $account $sqlite }

    It 'finds a review by a word of its text, with the word marked in its snippet and the review''s facts' {
        $results = @(Search-HostawayReview @db -Query $word)
        $results[0] | Should -BeOfType 'HostawaySync.Output.HostawayReviewSearchResult'
        $results | ForEach-Object Rank | Should -Be (1..$results.Count)
        $hit = $results | Where-Object ReviewId -EQ $target.id
        $hit | Should -Not -BeNullOrEmpty
        $hit.Snippet | Should -Match ('\[[^\[\]]*\b' + [regex]::Escape($word) + '\b[^\[\]]*\]')
        $hit.PublicReview | Should -BeExactly $target.publicReview
        $hit.Type | Should -Be 'guest-to-host'
        $hit.Status | Should -Be $target.status
        $hit.ReservationId | Should -Be $target.reservationId
        $hit.ListingId | Should -Be $target.listingMapId
        $hit.GuestId | Should -Not -BeNullOrEmpty
    }

    It 'finds the same reviews in the same order as SQLite, each holding the word' {
        $results = @(Search-HostawayReview @db -Query $common)
        $results.Count | Should -BeGreaterOrEqual 10
        $results | ForEach-Object ReviewId | Should -Be ($sqliteResults | ForEach-Object ReviewId)
        $expected = @($reviews | Where-Object { (Get-Words (Get-ReviewText $_)) -contains $common } | ForEach-Object id)
        # Every review holding the word as written is found (stemming may find more forms).
        $expected | Where-Object { $_ -notin $results.ReviewId } | Should -BeNullOrEmpty
    }

    It 'narrows by type, status and rating' {
        $guestReviews = @(Search-HostawayReview @db -Query $common -Type GuestToHost -Status published -MinRating 8 -MaxRating 9)
        $guestReviews | Should -Not -BeNullOrEmpty
        $guestReviews | ForEach-Object {
            $_.Type | Should -Be 'guest-to-host'
            $_.Status | Should -Be 'published'
            $_.Rating | Should -BeGreaterOrEqual 8
            $_.Rating | Should -BeLessOrEqual 9
        }
        $all = @(Search-HostawayReview @db -Query $common)
        $guestReviews.Count | Should -BeLessThan $all.Count
    }

    It 'takes listings from the pipeline and searches only their reviews' {
        $listingId = ($sqliteResults | Group-Object ListingId | Sort-Object Count -Descending | Select-Object -First 1).Name
        $listing = Get-HostawayListing @db | Where-Object ListingId -EQ $listingId
        $inListing = @($listing | Search-HostawayReview @db -Query $common)
        $inListing | Should -Not -BeNullOrEmpty
        $inListing.ListingId | Sort-Object -Unique | Should -Be $listing.ListingId
        $inListing.Count | Should -BeLessThan @(Search-HostawayReview @db -Query $common).Count
    }

    It 'takes guests from the pipeline: the reviews of their stays' {
        $guestId = ($sqliteResults | Where-Object GuestId | Select-Object -First 1).GuestId
        $found = @(Get-HostawayGuest @db | Where-Object GuestId -EQ $guestId | Search-HostawayReview @db -Query $common)
        $found | Should -Not -BeNullOrEmpty
        $found.GuestId | Sort-Object -Unique | Should -Be $guestId
    }

    It 'a minimum rating above the maximum stops with HostawayRatingRangeInvalid' {
        { Search-HostawayReview @db -Query $common -MinRating 9 -MaxRating 2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'HostawayRatingRangeInvalid,HostawaySync.Commands.SearchHostawayReviewCommand'
    }

    It 'a query without a word stops with HostawaySearchQueryInvalid' {
        { Search-HostawayReview @db -Query '*** ---' -ErrorAction Stop } | Should -Throw -ErrorId 'HostawaySearchQueryInvalid,HostawaySync.Commands.SearchHostawayReviewCommand'
    }

    It 'exports to CSV with the texts intact' {
        $csv = Join-Path $account.Folder 'review-search.csv'
        Search-HostawayReview @db -Query $word | Export-Csv -Path $csv -NoTypeInformation
        $row = Import-Csv $csv | Where-Object ReviewId -EQ $target.id
        $row.PublicReview | Should -BeExactly ($target.publicReview -replace "`r`n", "`n")
    }
}
