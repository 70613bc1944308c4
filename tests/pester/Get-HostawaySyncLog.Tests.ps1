# Get-HostawaySyncLog over a database written by real syncs against the simulator (loopback, temporary folders), on
# SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $simulator = Start-TestSimulator -Seed 9
    $saved = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $simulator.BaseUrl, '1000'
}

AfterAll {
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved
    Stop-TestSimulator $simulator
}

Describe 'Get-HostawaySyncLog on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        $folder = New-TestFolder
        $testStore = New-TestStore -Store $Store -Folder $folder
        $database = $testStore.Splat
        $sync = $database + @{ ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
        $full = Invoke-HostawaySync @sync
        $incremental = Invoke-HostawaySync @sync
        $bad = @{} + $sync
        $bad.Credential = New-TestCredential $simulator -Secret 'not-the-secret'
        try { $null = Invoke-HostawaySync @bad -WarningAction SilentlyContinue } catch { $null = $_ }   # a failed run, recorded in the log
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll { Remove-TestStore $testStore; Remove-TestFolder $folder }

    It 'returns typed entries, newest first, a row per run and per resource' {
        $log = Get-HostawaySyncLog @database
        $log[0] | Should -BeOfType 'HostawaySync.Output.HostawaySyncLogEntry'
        ($log | Where-Object Resource -EQ 'Run').Count | Should -Be 3
        $log[0].Id | Should -BeGreaterThan $log[-1].Id
        ($log | Where-Object RunId -EQ $full.RunId).Resource | Sort-Object | Should -Be @('Conversations', 'Listings', 'Reservations', 'Reviews', 'Run')
        # Each resource's entries can be asked for by name, the reviews pass's too.
        (Get-HostawaySyncLog @database -RunId $full.RunId -Resource Reviews).Resource | Should -Be 'Reviews'
        (Get-HostawaySyncLog @database -RunId $full.RunId -Resource Listings, Reviews).Resource | Sort-Object | Should -Be @('Listings', 'Reviews')
        (Get-Command Get-HostawaySyncLog).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawaySyncLogEntry'
    }

    It 'takes a run from Invoke-HostawaySync output through the pipeline, which names the store' {
        $incremental.DatabasePath | Should -Be $testStore.Path
        $incremental.DatabaseUrl | Should -Be $(if ($Store -eq 'PostgreSQL') { $testStore.Display } else { $null })
        $entries = $incremental | Get-HostawaySyncLog
        $entries.Count | Should -Be 5
        $entries.RunId | Sort-Object -Unique | Should -Be $incremental.RunId
        ($entries | Where-Object Resource -EQ 'Run').Mode | Should -Be 'Incremental'
        $entries[0].DatabasePath | Should -Be $incremental.DatabasePath
        $entries[0].DatabaseUrl | Should -Be $incremental.DatabaseUrl
    }

    It 'filters by resource, status and the last N runs' {
        $failed = Get-HostawaySyncLog @database -Status Failed -Resource Run
        $failed.Count | Should -Be 1
        $failed.ErrorId | Should -Be 'HostawayAuthFailed'
        $failed.ErrorMessage | Should -Not -Match 'not-the-secret'
        (Get-HostawaySyncLog @database -Last 2 -Resource Run).RunId | Should -Not -Contain $full.RunId
        Get-HostawaySyncLog @database -Since ([datetime]::UtcNow.AddDays(1)) | Should -BeNullOrEmpty
    }

    It 'exports to CSV as flat columns' {
        $csv = Join-Path $folder 'log.csv'
        Get-HostawaySyncLog @database | Export-Csv -LiteralPath $csv
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be 12   # two full runs of 5 rows; the failed run stopped after its first resource
        $rows[0].PSObject.Properties.Name | Should -Contain 'RunId'
        $rows[0].PSObject.Properties.Name | Should -Contain 'ErrorId'
        $rows[0].PSObject.Properties.Name | Should -Contain 'RequestsPer10Seconds'
        $rows[0].PSObject.Properties.Name | Should -Not -Contain 'DatabaseUrl'
        (Get-Content -LiteralPath $csv -Raw) | Should -Not -Match 'System\.Object\[\]|System\.Collections'
    }

    It 'shows each row''s pace: the request budget and its source as stored, and the requests per second of its duration' {
        $log = Get-HostawaySyncLog @database
        foreach ($name in 'RequestsPerSecond', 'RequestsPer10Seconds', 'RateLimitSource') { $log[0].PSObject.Properties.Name | Should -Contain $name }
        # The budget and its source are what the engine recorded when it closed the row: a positive number or nothing.
        $log | Where-Object { $null -ne $_.RequestsPer10Seconds } | ForEach-Object { $_.RequestsPer10Seconds | Should -BeGreaterThan 0 }
        $timed = @($log | Where-Object { $_.Requests -gt 0 -and $_.Duration.TotalSeconds -gt 0 })
        $timed.Count | Should -BeGreaterThan 0
        foreach ($entry in $timed) { $entry.RequestsPerSecond | Should -Be ([math]::Round($entry.Requests / $entry.Duration.TotalSeconds, 2)) }
        $log | Where-Object { -not ($_.Duration.TotalSeconds -gt 0) } | ForEach-Object { $_.RequestsPerSecond | Should -BeNullOrEmpty }
        $row = Get-HostawaySyncLog @database -Last 1 -Resource Run | Select-Object RequestsPerSecond, RequestsPer10Seconds, RateLimitSource | ConvertTo-Csv | Select-Object -First 1
        $row | Should -Be '"RequestsPerSecond","RequestsPer10Seconds","RateLimitSource"'
    }

    It 'a place without a database stops with HostawayDatabaseNotFound and creates nothing' {
        $missing = Get-TestMissingStoreSplat $testStore
        { Get-HostawaySyncLog @missing -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayDatabaseNotFound,HostawaySync.Commands.GetHostawaySyncLogCommand'
        if ($Store -eq 'SQLite') { $missing.DatabasePath | Should -Not -Exist }
        else { Invoke-TestPostgresSql -Database $testStore.Database -Sql "SELECT count(*) FROM pg_namespace WHERE nspname = 'nothing_here';" | Should -Be '0' }
    }
}
