# Get-HostawayConversation over a synced account, on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
}

Describe 'Get-HostawayConversation on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        $account = New-SyncedTestAccount -Seed 14 -Size small -Store $Store
        $db = $account.Store.Splat
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll { Remove-SyncedTestAccount $account }

    It 'returns every live conversation as a typed object with its file' {
        $conversations = Get-HostawayConversation @db
        $conversations[0] | Should -BeOfType 'HostawaySync.Output.HostawayConversation'
        $conversations.Count | Should -Be $account.Counts.conversations
        $conversations | ForEach-Object { Join-Path $account.Folder "conversations/$($_.FilePath)" | Should -Exist }
    }

    It 'takes reservations from the pipeline' {
        $reservation = Get-HostawayReservation @db | Where-Object { Get-HostawayConversation @db -ReservationId $_.ReservationId } | Select-Object -First 1
        $found = $reservation | Get-HostawayConversation @db
        $found | Should -Not -BeNullOrEmpty
        $found.ReservationId | Sort-Object -Unique | Should -Be $reservation.ReservationId
    }

    It 'exports to CSV as flat columns' {
        Test-FlatCsv (Get-HostawayConversation @db) $account.Folder | Should -BeTrue
    }
}
