# Sync-HostawayReservation against the simulator (loopback), into temporary folders and databases, on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Get-HostawayModuleManifest
    Import-Module $manifest -Force
    $simulator = Start-TestSimulator -Seed 32
    $saved = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $simulator.BaseUrl, '1000'
}
AfterAll {
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved
    Stop-TestSimulator $simulator
}

Describe 'Sync-HostawayReservation on <Store>' -ForEach $stores {
    BeforeEach {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
        $folder = New-TestFolder
        $testStore = New-TestStore -Store $Store -Folder $folder
        $database = $testStore.Splat
        $sync = $database + @{ ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
    }
    AfterEach { Remove-TestStore $testStore; Remove-TestFolder $folder }

    It 'syncs the listings first into an empty database, then only the reservations, incrementally' {
        $first = Sync-HostawayReservation @sync
        $first | Should -BeOfType 'HostawaySync.Output.HostawaySyncResult'
        $first.Resources.Resource | Should -Be 'Listings', 'Reservations'
        $first.Mode | Should -Be 'Full'
        $counts = Invoke-RestMethod "$($simulator.ControlUrl)counts"
        (Get-HostawayReservation @database).Count | Should -Be $counts.reservations
        Get-HostawayGuest @database | Should -Not -BeNullOrEmpty
        Get-HostawayConversation @database | Should -BeNullOrEmpty
        Test-Path -LiteralPath $sync.ConversationsPath | Should -BeFalse

        $null = Invoke-RestMethod -Method Post "$($simulator.ControlUrl)mutate" -ContentType 'application/json' -Body '{ "newReservations": 3, "updatedReservations": 2 }'
        $second = Sync-HostawayReservation @sync
        $second.Resources.Resource | Should -Be 'Reservations'
        $second.Mode | Should -Be 'Incremental'
        $second.Created | Should -Be 3
        $second.Updated | Should -BeGreaterOrEqual 2
        $counts = Invoke-RestMethod "$($simulator.ControlUrl)counts"
        (Get-HostawayReservation @database).Count | Should -Be $counts.reservations
    }

    It '-Full reads every reservation again and reconciles deletions' {
        $null = Sync-HostawayReservation @sync
        $null = Invoke-RestMethod -Method Post "$($simulator.ControlUrl)mutate" -ContentType 'application/json' -Body '{ "deletedReservations": 2 }'
        $full = Sync-HostawayReservation @sync -Full
        $full.Mode | Should -Be 'Full'
        $full.Deleted | Should -Be 2
        $counts = Invoke-RestMethod "$($simulator.ControlUrl)counts"
        (Get-HostawayReservation @database).Count | Should -Be $counts.reservations
    }
}

Describe 'Sync-HostawayReservation' {
    BeforeEach {
        $folder = New-TestFolder
        $sync = @{ DatabasePath = (Join-Path $folder 'hostaway.db'); ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
    }
    AfterEach { Remove-TestFolder $folder }

    It '-WhatIf describes the plan and touches nothing' {
        $before = (Get-TestSimulatorStats $simulator).requests
        $run = Invoke-ChildPwsh -Script "Import-Module '$manifest'; Sync-HostawayReservation -DatabasePath '$($sync.DatabasePath)' -Full -WhatIf" -Environment @{ HOSTAWAY_BASE_URL = $simulator.BaseUrl }
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match 'What if: .*Full sync of Listings, Reservations \(Listings Full, Reservations Full\) from'
        (Get-TestSimulatorStats $simulator).requests | Should -Be $before
        Get-ChildItem $folder | Should -BeNullOrEmpty
    }

    It 'missing credentials stop with HostawayCredentialsMissing before anything is created' {
        $run = Invoke-ChildPwsh -Script "Import-Module '$manifest'; try { Sync-HostawayReservation -DatabasePath '$($sync.DatabasePath)' -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; exit 3 }" -Environment @{ HOSTAWAY_BASE_URL = $simulator.BaseUrl; HOSTAWAY_ACCOUNT_ID = $null; HOSTAWAY_API_KEY = $null }
        $run.ExitCode | Should -Be 3
        $run.Output | Should -Match '^HostawayCredentialsMissing'
        Get-ChildItem $folder | Should -BeNullOrEmpty
    }
}
