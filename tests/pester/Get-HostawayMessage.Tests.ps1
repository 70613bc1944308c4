# Get-HostawayMessage over a synced account, on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
}

Describe 'Get-HostawayMessage on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        $account = New-SyncedTestAccount -Seed 15 -Size small -Store $Store
        $database = $account.Store.Splat
        $db = $database + @{ ConversationsPath = (Join-Path $account.Folder 'conversations') }
        $truth = Invoke-RestMethod "$($account.Simulator.ControlUrl)truth?resource=messages"
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll { Remove-SyncedTestAccount $account }

    It 'returns every message as a typed object, without text unless asked' {
        $messages = Get-HostawayMessage @database
        $messages[0] | Should -BeOfType 'HostawaySync.Output.HostawayMessage'
        $messages.Count | Should -Be $account.Counts.messages
        $messages.Text | Where-Object { $null -ne $_ } | Should -BeNullOrEmpty
    }

    It '-IncludeText reads each text from the conversation files, exactly as the API sent it' {
        $conversation = Get-HostawayConversation @database | Where-Object MessageCount -GT 2 | Select-Object -First 1
        $messages = $conversation | Get-HostawayMessage @db -IncludeText
        $messages.Count | Should -Be $conversation.MessageCount
        $expected = @($truth) | ForEach-Object { $_ } | Where-Object { $_.conversationId -eq $conversation.ConversationId }
        foreach ($message in $messages) {
            $api = $expected | Where-Object id -EQ $message.MessageId
            $message.Text | Should -BeExactly (([string]$api.body) -replace "`r`n", "`n" -replace "`r", "`n")
        }
    }

    It 'filters by direction and time' {
        $guest = Get-HostawayMessage @database -Direction Guest
        $guest.Direction | Sort-Object -Unique | Should -Be 'guest'
        $all = Get-HostawayMessage @database | Where-Object SentAt
        $middle = ($all.SentAt | Sort-Object)[[int]($all.Count / 2)]
        (Get-HostawayMessage @database -Since ([datetime]::SpecifyKind($middle, 'Utc'))).Count | Should -BeLessThan $all.Count
    }

    It 'exports to CSV as flat columns, text included' {
        Test-FlatCsv (Get-HostawayMessage @db -IncludeText | Select-Object -First 50) $account.Folder | Should -BeTrue
    }
}
