# Test-HostawaySync against the simulator (loopback), on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Get-HostawayModuleManifest
    Import-Module $manifest -Force
    $simulator = Start-TestSimulator -Seed 35
    $saved = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $simulator.BaseUrl, '1000'
}
AfterAll {
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved
    Stop-TestSimulator $simulator
}

Describe 'Test-HostawaySync on <Store>' -ForEach $stores {
    BeforeEach {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
        $folder = New-TestFolder
        $testStore = New-TestStore -Store $Store -Folder $folder
        $sync = $testStore.Splat + @{ ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
        $test = $testStore.Splat + @{ Credential = $sync.Credential }
    }
    AfterEach { Remove-TestStore $testStore; Remove-TestFolder $folder }

    It 'reports every resource in sync right after a sync, from the sync result in the pipeline' {
        $drift = Invoke-HostawaySync @sync | Test-HostawaySync -Credential $sync.Credential
        $drift[0] | Should -BeOfType 'HostawaySync.Output.HostawaySyncDrift'
        $drift.Resource | Should -Be 'Listings', 'Reservations', 'Conversations', 'Reviews'
        $drift.Status | Sort-Object -Unique | Should -Be 'InSync'
        $counts = Invoke-RestMethod "$($simulator.ControlUrl)counts"
        ($drift | Where-Object Resource -EQ Reservations).ApiCount | Should -Be $counts.reservations
        ($drift | Where-Object Resource -EQ Reviews).ApiCount | Should -Be $counts.reviews
        $counts.reviews | Should -BeGreaterThan 0
        $drift.LastSyncedAt | Should -Not -Contain $null
        $drift[0].DatabasePath | Should -Be $testStore.Path
        $drift[0].DatabaseUrl | Should -Be $(if ($Store -eq 'PostgreSQL') { $testStore.Display } else { $null })
        Test-HostawaySync @test -Quiet | Should -BeTrue
    }

    It 'reports missing and extra rows after the account changed, advises -Reconcile, and a reconcile repairs them' {
        $null = Invoke-HostawaySync @sync
        $null = Invoke-RestMethod -Method Post "$($simulator.ControlUrl)mutate" -ContentType 'application/json' -Body '{ "newReservations": 3, "deletedListings": 1 }'
        $streams = Test-HostawaySync @test -Verbose 4>&1
        $drift = $streams | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $advice = ($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match '^Reservations: Missing'
        $advice | Should -Match '^Reservations: Missing \(API \d+, database \d+\); Invoke-HostawaySync -Reconcile -Resource Reservations reconciles it\.$'
        $reservations = $drift | Where-Object Resource -EQ Reservations
        $reservations.Status | Should -Be 'Missing'
        $reservations.Difference | Should -Be -3
        ($drift | Where-Object Resource -EQ Listings).Status | Should -Be 'Extra'
        Test-HostawaySync @test -Quiet | Should -BeFalse
        $null = Invoke-HostawaySync @sync -Reconcile
        Test-HostawaySync @test -Quiet | Should -BeTrue
    }

    It 'compares only the resources asked for, and writes nothing' {
        $null = Invoke-HostawaySync @sync -Resource Listings
        $before = Get-TestStoreSnapshot $testStore
        $drift = Test-HostawaySync @test -Resource Listings, Reservations
        $drift.Resource | Should -Be 'Listings', 'Reservations'
        ($drift | Where-Object Resource -EQ Reservations).Status | Should -Be 'Missing'
        ($drift | Where-Object Resource -EQ Reservations).LastSyncedAt | Should -BeNullOrEmpty
        Get-TestStoreSnapshot $testStore | Should -Be $before
    }

    It 'stops with HostawayDatabaseNotFound without a database, and HostawayAuthFailed with a wrong secret' {
        { Test-HostawaySync @test } | Should -Throw -ErrorId 'HostawayDatabaseNotFound*'
        $null = Invoke-HostawaySync @sync -Resource Listings
        $test.Credential = New-TestCredential $simulator -Secret 'wrong'
        { Test-HostawaySync @test } | Should -Throw -ErrorId 'HostawayAuthFailed*'
    }
}

Describe 'Test-HostawaySync' {
    BeforeEach {
        $folder = New-TestFolder
        $sync = @{ DatabasePath = (Join-Path $folder 'hostaway.db'); ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
        $test = @{ DatabasePath = $sync.DatabasePath; Credential = $sync.Credential }
    }
    AfterEach { Remove-TestFolder $folder }

    It 'exports to CSV as flat columns' {
        $null = Invoke-HostawaySync @sync -Resource Listings
        Test-FlatCsv (Test-HostawaySync @test) $folder | Should -BeTrue
    }
}
