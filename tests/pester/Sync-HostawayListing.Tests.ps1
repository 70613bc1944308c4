# Sync-HostawayListing against the simulator (loopback), into temporary folders and databases, on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Get-HostawayModuleManifest
    Import-Module $manifest -Force
    $simulator = Start-TestSimulator -Seed 31
    $saved = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $simulator.BaseUrl, '1000'
    $counts = Invoke-RestMethod "$($simulator.ControlUrl)counts"
}
AfterAll {
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved
    Stop-TestSimulator $simulator
}

Describe 'Sync-HostawayListing on <Store>' -ForEach $stores {
    BeforeEach {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
        $folder = New-TestFolder
        $testStore = New-TestStore -Store $Store -Folder $folder
        $database = $testStore.Splat
        $sync = $database + @{ ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
    }
    AfterEach { Remove-TestStore $testStore; Remove-TestFolder $folder }

    It 'syncs only the listings, with their photos, and returns a typed result' {
        $result = Sync-HostawayListing @sync
        $result | Should -BeOfType 'HostawaySync.Output.HostawaySyncResult'
        $result.Status | Should -Be 'Succeeded'
        $result.Resources.Resource | Should -Be 'Listings'
        (Get-HostawayListing @database).Count | Should -Be $counts.listings
        $truth = Invoke-RestMethod "$($simulator.ControlUrl)truth?resource=listings"
        (Get-HostawayListingPhoto @database).Count | Should -Be (@($truth) | ForEach-Object { $_ } | ForEach-Object { @($_.listingImages).Count } | Measure-Object -Sum).Sum
        Get-HostawayReservation @database | Should -BeNullOrEmpty
        Test-Path -LiteralPath $sync.ConversationsPath | Should -BeFalse
        (Get-Command Sync-HostawayListing).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawaySyncResult'
    }

    It 'records the run in the sync log, which its output pipes into' {
        $result = Sync-HostawayListing @sync
        $log = $result | Get-HostawaySyncLog
        $log.Resource | Should -Contain 'Listings'
        $log.RunId | Sort-Object -Unique | Should -Be $result.RunId
    }

    It 'wrong credentials stop with HostawayAuthFailed, and nothing stored is lost' {
        $null = Sync-HostawayListing @sync
        $before = (Get-HostawayListing @database).Count
        $sync.Credential = New-TestCredential $simulator -Secret 'wrong'
        { Sync-HostawayListing @sync -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayAuthFailed*'
        (Get-HostawayListing @database).Count | Should -Be $before
    }
}

Describe 'Sync-HostawayListing' {
    BeforeEach {
        $folder = New-TestFolder
        $sync = @{ DatabasePath = (Join-Path $folder 'hostaway.db'); ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
    }
    AfterEach { Remove-TestFolder $folder }

    It '-WhatIf describes the plan and touches nothing' {
        $before = (Get-TestSimulatorStats $simulator).requests
        $run = Invoke-ChildPwsh -Script "Import-Module '$manifest'; Sync-HostawayListing -DatabasePath '$($sync.DatabasePath)' -WhatIf" -Environment @{ HOSTAWAY_BASE_URL = $simulator.BaseUrl }
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match 'What if: .*Full sync of Listings \(Listings Full\) from'
        (Get-TestSimulatorStats $simulator).requests | Should -Be $before
        Get-ChildItem $folder | Should -BeNullOrEmpty
    }
}
