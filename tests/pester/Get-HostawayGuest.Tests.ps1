# Get-HostawayGuest over a synced account, on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
}

Describe 'Get-HostawayGuest on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        $account = New-SyncedTestAccount -Seed 13 -Size small -Store $Store
        $db = $account.Store.Splat
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll { Remove-SyncedTestAccount $account }

    It 'returns guests as typed objects, fewer than reservations because guests repeat' {
        $guests = Get-HostawayGuest @db
        $guests[0] | Should -BeOfType 'HostawaySync.Output.HostawayGuest'
        $guests.Count | Should -BeLessThan $account.Counts.reservations
        ($guests | Measure-Object ReservationCount -Sum).Sum | Should -Be $account.Counts.reservations
        ($guests | Where-Object ReservationCount -GT 1) | Should -Not -BeNullOrEmpty
    }

    It 'works at the end of the listing | reservation | guest pipeline, each guest once' {
        $reservations = Get-HostawayListing @db | Get-HostawayReservation @db -Status new
        $guests = Get-HostawayListing @db | Get-HostawayReservation @db -Status new | Get-HostawayGuest @db
        $guests | Should -Not -BeNullOrEmpty
        $guests.GuestId | Sort-Object | Should -Be ($reservations.GuestId | Sort-Object -Unique)
    }

    It 'reads one database through the whole pipeline when only the first cmdlet names it, whatever the settings say' {
        $saved = $env:HOSTAWAY_DATABASE_PATH, $env:HOSTAWAY_DATABASE_URL
        try {
            $env:HOSTAWAY_DATABASE_PATH = Join-Path $account.Folder 'not-this-one.db'
            $env:HOSTAWAY_DATABASE_URL = 'postgresql://nobody@127.0.0.1:1/not_this_one'
            $expected = Get-HostawayListing @db | Get-HostawayReservation @db -Status new | Get-HostawayGuest @db
            $guests = Get-HostawayListing @db | Get-HostawayReservation -Status new | Get-HostawayGuest
            $guests.GuestId | Should -Be $expected.GuestId
            Test-Path -LiteralPath $env:HOSTAWAY_DATABASE_PATH | Should -BeFalse
        }
        finally { $env:HOSTAWAY_DATABASE_PATH, $env:HOSTAWAY_DATABASE_URL = $saved }
    }

    It 'a store named on the command line wins over the one piped objects carry, of either kind' {
        $sameKind = Get-TestMissingStoreSplat $account.Store
        { Get-HostawayReservation @db | Select-Object -First 1 | Get-HostawayGuest @sameKind -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayDatabaseNotFound,*'
        if ($Store -eq 'SQLite') {
            $otherKind = @{ DatabaseUrl = "postgresql://nobody@127.0.0.1:$(Get-TestFreePort)/none?connect_timeout=5" }
            $expected = 'HostawayDatabaseUnreachable,*'
        }
        else {
            $otherKind = @{ DatabasePath = (Join-Path $account.Folder 'none.db') }
            $expected = 'HostawayDatabaseNotFound,*'
        }
        { Get-HostawayReservation @db | Select-Object -First 1 | Get-HostawayGuest @otherKind -ErrorAction Stop } | Should -Throw -ErrorId $expected
    }

    It 'filters by email and name with wildcards' {
        $withEmail = Get-HostawayGuest @db | Where-Object { $_.Email -match '^[a-z]{3}' } | Select-Object -First 1
        (Get-HostawayGuest @db -Email ($withEmail.Email.Substring(0, 3).ToUpperInvariant() + '*')).GuestId | Should -Contain $withEmail.GuestId
        $named = Get-HostawayGuest @db | Where-Object { $_.FullName -match '^[A-Za-z]{3}' } | Select-Object -First 1
        (Get-HostawayGuest @db -Name ($named.FullName.Substring(0, 3) + '*')).GuestId | Should -Contain $named.GuestId
    }

    It 'exports to CSV as flat columns' {
        Test-FlatCsv (Get-HostawayGuest @db) $account.Folder | Should -BeTrue
    }
}
