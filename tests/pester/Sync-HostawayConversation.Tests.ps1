# Sync-HostawayConversation against the simulator (loopback), into temporary folders and databases, on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Get-HostawayModuleManifest
    Import-Module $manifest -Force
    $simulator = Start-TestSimulator -Seed 33
    $saved = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $simulator.BaseUrl, '1000'
}
AfterAll {
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved
    Stop-TestSimulator $simulator
}

Describe 'Sync-HostawayConversation on <Store>' -ForEach $stores {
    BeforeEach {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
        $folder = New-TestFolder
        $testStore = New-TestStore -Store $Store -Folder $folder
        $database = $testStore.Splat
        $sync = $database + @{ ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
    }
    AfterEach { Remove-TestStore $testStore; Remove-TestFolder $folder }

    It 'syncs what conversations need, writes the files, and then fetches only new activity' {
        $first = Sync-HostawayConversation @sync
        $first | Should -BeOfType 'HostawaySync.Output.HostawaySyncResult'
        $first.Status | Should -Be 'Succeeded'
        $first.Resources.Resource | Should -Be 'Listings', 'Reservations', 'Conversations'
        $counts = Invoke-RestMethod "$($simulator.ControlUrl)counts"
        (Get-HostawayMessage @database).Count | Should -Be $counts.messages
        (Get-ChildItem $sync.ConversationsPath -Recurse -Filter '*_conversation.txt').Count | Should -BeGreaterThan 0

        $null = Invoke-RestMethod -Method Post "$($simulator.ControlUrl)mutate" -ContentType 'application/json' -Body '{ "newMessages": 4 }'
        $second = Sync-HostawayConversation @sync
        $second.Resources.Resource | Should -Be 'Reservations', 'Conversations'
        $second.Mode | Should -Be 'Incremental'
        $second.Messages | Should -Be 4 -Because 'Messages counts the messages new to the database'
        (Get-HostawayMessage @database).Count | Should -Be ($counts.messages + 4)
        $second.Requests | Should -BeLessThan ($first.Requests / 2)
    }

    It '-Full fetches every conversation again' {
        $null = Sync-HostawayConversation @sync
        $full = Sync-HostawayConversation @sync -Full
        $full.Mode | Should -Be 'Full'
        ($full.Resources | Where-Object Resource -EQ 'Conversations').Mode | Should -Be 'Full'
        $full.Created + $full.Updated + $full.Deleted + $full.Messages | Should -Be 0 -Because 'nothing changed'
    }
}

Describe 'Sync-HostawayConversation' {
    BeforeEach {
        $folder = New-TestFolder
        $sync = @{ DatabasePath = (Join-Path $folder 'hostaway.db'); ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
    }
    AfterEach { Remove-TestFolder $folder }

    It '-WhatIf describes the plan and touches nothing' {
        $before = (Get-TestSimulatorStats $simulator).requests
        $run = Invoke-ChildPwsh -Script "Import-Module '$manifest'; Sync-HostawayConversation -DatabasePath '$($sync.DatabasePath)' -ConversationsPath '$($sync.ConversationsPath)' -WhatIf" -Environment @{ HOSTAWAY_BASE_URL = $simulator.BaseUrl }
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match 'What if: .*Full sync of Listings, Reservations, Conversations \(Listings Full, Reservations Full, Conversations Full\) from'
        (Get-TestSimulatorStats $simulator).requests | Should -Be $before
        Get-ChildItem $folder | Should -BeNullOrEmpty
    }

    It 'stops cleanly on Ctrl+C (Stop), and the next run finishes the job' {
        $slow = Start-TestSimulator -Seed 34 -Size small -Arguments '--latency-ms', '100'
        try {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$manifest'; `$env:HOSTAWAY_BASE_URL = '$($slow.BaseUrl)'; Sync-HostawayConversation -DatabasePath '$($sync.DatabasePath)' -ConversationsPath '$($sync.ConversationsPath)' -Credential `$args[0]").AddArgument((New-TestCredential $slow))
            $handle = $ps.BeginInvoke()
            Start-Sleep -Seconds 3
            $ps.Stop()
            $handle.IsCompleted | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Dispose()
            (Get-HostawaySyncLog -DatabasePath $sync.DatabasePath -Resource Run)[0].Status | Should -BeIn 'Cancelled', 'Running'

            $env:HOSTAWAY_BASE_URL = $slow.BaseUrl
            $resumed = Sync-HostawayConversation @sync -Credential (New-TestCredential $slow)
            $resumed.Status | Should -Be 'Succeeded'
            $counts = Invoke-RestMethod "$($slow.ControlUrl)counts"
            (Get-HostawayMessage -DatabasePath $sync.DatabasePath).Count | Should -Be $counts.messages
        }
        finally {
            $env:HOSTAWAY_BASE_URL = $simulator.BaseUrl
            Stop-TestSimulator $slow
        }
    }
}
