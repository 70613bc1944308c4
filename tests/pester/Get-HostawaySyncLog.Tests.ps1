# Get-HostawaySyncLog over a database written by real syncs against the simulator (loopback, temporary folders).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $simulator = Start-TestSimulator -Seed 9
    $saved = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $simulator.BaseUrl, '1000'
    $folder = New-TestFolder
    $sync = @{ DatabasePath = (Join-Path $folder 'hostaway.db'); ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
    $full = Invoke-HostawaySync @sync
    $incremental = Invoke-HostawaySync @sync
    $bad = @{} + $sync
    $bad.Credential = New-TestCredential $simulator -Secret 'not-the-secret'
    try { $null = Invoke-HostawaySync @bad } catch { $null = $_ }   # a failed run, recorded in the log
}

AfterAll {
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved
    Stop-TestSimulator $simulator
    Remove-TestFolder $folder
}

Describe 'Get-HostawaySyncLog' {
    It 'returns typed entries, newest first, a row per run and per resource' {
        $log = Get-HostawaySyncLog -DatabasePath $sync.DatabasePath
        $log[0] | Should -BeOfType 'HostawaySync.Output.HostawaySyncLogEntry'
        ($log | Where-Object Resource -EQ 'Run').Count | Should -Be 3
        $log[0].Id | Should -BeGreaterThan $log[-1].Id
        ($log | Where-Object RunId -EQ $full.RunId).Resource | Sort-Object | Should -Be @('Conversations', 'Listings', 'Reservations', 'Run')
        (Get-Command Get-HostawaySyncLog).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawaySyncLogEntry'
    }

    It 'takes a run from Invoke-HostawaySync output through the pipeline' {
        $entries = $incremental | Get-HostawaySyncLog
        $entries.Count | Should -Be 4
        $entries.RunId | Sort-Object -Unique | Should -Be $incremental.RunId
        ($entries | Where-Object Resource -EQ 'Run').Mode | Should -Be 'Incremental'
    }

    It 'filters by resource, status and the last N runs' {
        $failed = Get-HostawaySyncLog -DatabasePath $sync.DatabasePath -Status Failed -Resource Run
        $failed.Count | Should -Be 1
        $failed.ErrorId | Should -Be 'HostawayAuthFailed'
        $failed.ErrorMessage | Should -Not -Match 'not-the-secret'
        (Get-HostawaySyncLog -DatabasePath $sync.DatabasePath -Last 2 -Resource Run).RunId | Should -Not -Contain $full.RunId
        Get-HostawaySyncLog -DatabasePath $sync.DatabasePath -Since ([datetime]::UtcNow.AddDays(1)) | Should -BeNullOrEmpty
    }

    It 'exports to CSV as flat columns' {
        $csv = Join-Path $folder 'log.csv'
        Get-HostawaySyncLog -DatabasePath $sync.DatabasePath | Export-Csv -LiteralPath $csv
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be 10   # two full runs of 4 rows; the failed run stopped after its first resource
        $rows[0].PSObject.Properties.Name | Should -Contain 'RunId'
        $rows[0].PSObject.Properties.Name | Should -Contain 'ErrorId'
        (Get-Content -LiteralPath $csv -Raw) | Should -Not -Match 'System\.Object\[\]|System\.Collections'
    }

    It 'a path without a database stops with HostawayDatabaseNotFound and creates nothing' {
        $missing = Join-Path $folder 'none/hostaway.db'
        { Get-HostawaySyncLog -DatabasePath $missing -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayDatabaseNotFound,HostawaySync.Commands.GetHostawaySyncLogCommand'
        Join-Path $folder 'none' | Should -Not -Exist
    }
}
