# Get-HostawayReservation over a synced account, on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
}

Describe 'Get-HostawayReservation on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        $account = New-SyncedTestAccount -Seed 12 -Size small -Store $Store
        $db = $account.Store.Splat
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll { Remove-SyncedTestAccount $account }

    It 'returns every live reservation as a typed object, by arrival date' {
        $reservations = Get-HostawayReservation @db
        $reservations[0] | Should -BeOfType 'HostawaySync.Output.HostawayReservation'
        $reservations.Count | Should -Be $account.Counts.reservations
        $dates = $reservations.ArrivalDate | Where-Object { $_ }
        $dates | Should -Be ($dates | Sort-Object)
    }

    It 'takes listings from Get-HostawayListing through the pipeline' {
        $listing = Get-HostawayListing @db | Where-Object { (Get-HostawayReservation @db -ListingId $_.ListingId) } | Select-Object -First 1
        $reservations = $listing | Get-HostawayReservation @db
        $reservations | Should -Not -BeNullOrEmpty
        $reservations.ListingId | Sort-Object -Unique | Should -Be $listing.ListingId
    }

    It 'filters by status and arrival dates' {
        $new = Get-HostawayReservation @db -Status NEW
        $new | Should -Not -BeNullOrEmpty
        $new.Status | Sort-Object -Unique | Should -Be 'new'
        $all = Get-HostawayReservation @db | Where-Object ArrivalDate
        $middle = ($all.ArrivalDate | Sort-Object)[[int]($all.Count / 2)]
        $later = Get-HostawayReservation @db -ArrivalFrom $middle
        $later.Count | Should -BeLessThan $all.Count
        $later | ForEach-Object { $_.ArrivalDate | Should -BeGreaterOrEqual $middle.Date }
    }

    It 'exports to CSV as flat columns' {
        Test-FlatCsv (Get-HostawayReservation @db) $account.Folder | Should -BeTrue
    }
}
