# Invoke-HostawaySync against the Hostaway simulator (loopback), always with temporary database and conversation folders;
# what depends on the store, on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Get-HostawayModuleManifest
    Import-Module $manifest -Force
    $simulator = Start-TestSimulator -Seed 7
    $savedBaseUrl, $savedBudget = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
    $env:HOSTAWAY_BASE_URL = $simulator.BaseUrl
    # The simulator enforces no limit here; the default budget (15 per 10 s) would only make these tests slow.
    $env:HOSTAWAY_REQUESTS_PER_10S = '1000'
}

AfterAll {
    $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $savedBaseUrl, $savedBudget
    Stop-TestSimulator $simulator
}

Describe 'Invoke-HostawaySync on <Store>' -ForEach $stores {
    BeforeEach {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason }
        $folder = New-TestFolder
        $testStore = New-TestStore -Store $Store -Folder $folder
        $sync = $testStore.Splat + @{ ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
    }
    AfterEach { Remove-TestStore $testStore; Remove-TestFolder $folder }


    It 'runs a full sync first, then incremental ones, and returns a typed result' {
        $first = Invoke-HostawaySync @sync
        $second = Invoke-HostawaySync @sync

        $first | Should -BeOfType 'HostawaySync.Output.HostawaySyncResult'
        $first.DatabasePath | Should -Be $testStore.Path
        $first.DatabaseUrl | Should -Be $(if ($Store -eq 'PostgreSQL') { $testStore.Display } else { $null })
        $first.Status | Should -Be 'Succeeded'
        $first.Mode | Should -Be 'Full'
        $first.Created | Should -BeGreaterThan 0
        $first.Messages | Should -BeGreaterThan 0
        $first.Resources.Resource | Should -Be @('Listings', 'Reservations', 'Conversations', 'Reviews')
        $second.Mode | Should -Be 'Incremental'
        $second.Created + $second.Updated + $second.Deleted | Should -Be 0
        (Get-ChildItem (Join-Path $folder 'conversations') -Recurse -Filter '*_conversation.txt').Count | Should -BeGreaterThan 0
        (Get-Command Invoke-HostawaySync).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawaySyncResult'
    }

    It '-Full and -Resource narrow what is synced' {
        $result = Invoke-HostawaySync @sync -Full -Resource Listings, Reservations
        $result.Resources.Resource | Should -Be @('Listings', 'Reservations')
        $result.Mode | Should -Be 'Full'
    }

    It '-IfDue does nothing when the last sync is recent, and says so' {
        $null = Invoke-HostawaySync @sync
        $before = (Get-TestSimulatorStats $simulator).requests
        $verbose = Invoke-HostawaySync @sync -IfDue -Verbose 4>&1
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'Not due'
        ($verbose | Where-Object { $_ -is [HostawaySync.Output.HostawaySyncResult] }) | Should -BeNullOrEmpty
        (Get-TestSimulatorStats $simulator).requests | Should -Be $before
    }

    It 'verbose and debug output show the store, requests and decisions but never the secret' {
        $streams = Invoke-HostawaySync @sync -Resource Listings -Verbose -Debug 4>&1 5>&1 | Out-String
        $streams | Should -Match 'Sync run'
        $streams | Should -Match ('Store ' + [regex]::Escape($testStore.Display) + ' \(the -Database(Path|Url) parameter\)')
        $streams | Should -Match 'GET listings'
        $streams | Should -Not -Match ([regex]::Escape($simulator.Secret))
    }
}

Describe 'Invoke-HostawaySync' {
    BeforeEach {
        $folder = New-TestFolder
        $sync = @{ DatabasePath = (Join-Path $folder 'hostaway.db'); ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
    }
    AfterEach { Remove-TestFolder $folder }

    It '-WhatIf describes the plan and touches nothing: no database, no files, no request' {
        $before = (Get-TestSimulatorStats $simulator).requests
        $run = Invoke-ChildPwsh -Script "Import-Module '$manifest'; Invoke-HostawaySync -DatabasePath '$($sync.DatabasePath)' -ConversationsPath '$($sync.ConversationsPath)' -WhatIf" -Environment @{ HOSTAWAY_BASE_URL = $simulator.BaseUrl }
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match 'What if: .*Full sync of Listings, Reservations, Conversations'
        $run.Output | Should -Match "the account's size is unknown until the first pages arrive"
        (Get-TestSimulatorStats $simulator).requests | Should -Be $before
        Get-ChildItem $folder | Should -BeNullOrEmpty
    }

    It '-WhatIf on an existing database estimates from what is stored, without changing it' {
        $null = Invoke-HostawaySync @sync
        $hash = Get-FileHashString $sync.DatabasePath
        $files = (Get-ChildItem $folder).Name
        $run = Invoke-ChildPwsh -Script "Import-Module '$manifest'; Invoke-HostawaySync -DatabasePath '$($sync.DatabasePath)' -ConversationsPath '$($sync.ConversationsPath)' -Full -WhatIf"
        $run.Output | Should -Match 'about [\d,]+ requests'
        Get-FileHashString $sync.DatabasePath | Should -Be $hash
        (Get-ChildItem $folder).Name | Should -Be $files
    }

    It 'wrong credentials stop with HostawayAuthFailed, an authentication error with advice, never showing the secret' {
        $sync.Credential = New-TestCredential $simulator -Secret 'wrong-secret-value'
        $failure = { Invoke-HostawaySync @sync -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayAuthFailed,HostawaySync.Commands.InvokeHostawaySyncCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        ($failure | Out-String) | Should -Not -Match 'wrong-secret-value'
    }

    It 'missing credentials stop with HostawayCredentialsMissing' {
        $sync.Remove('Credential')
        $saved = $env:HOSTAWAY_ACCOUNT_ID, $env:HOSTAWAY_API_KEY
        try {
            $env:HOSTAWAY_ACCOUNT_ID = $null; $env:HOSTAWAY_API_KEY = $null
            { Invoke-HostawaySync @sync -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayCredentialsMissing,HostawaySync.Commands.InvokeHostawaySyncCommand'
        }
        finally { $env:HOSTAWAY_ACCOUNT_ID, $env:HOSTAWAY_API_KEY = $saved }
    }

    It 'takes credentials from HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY' {
        $sync.Remove('Credential')
        $saved = $env:HOSTAWAY_ACCOUNT_ID, $env:HOSTAWAY_API_KEY
        try {
            $env:HOSTAWAY_ACCOUNT_ID = $simulator.AccountId; $env:HOSTAWAY_API_KEY = $simulator.Secret
            (Invoke-HostawaySync @sync -Resource Listings).Status | Should -Be 'Succeeded'
        }
        finally { $env:HOSTAWAY_ACCOUNT_ID, $env:HOSTAWAY_API_KEY = $saved }
    }

    It 'pwsh -c exits non-zero when the sync failed and zero when it succeeded' {
        $script = "Import-Module '$manifest'; Invoke-HostawaySync -DatabasePath '$($sync.DatabasePath)' -ConversationsPath '$($sync.ConversationsPath)' -Resource Listings | Out-Null"
        $environment = @{ HOSTAWAY_BASE_URL = $simulator.BaseUrl; HOSTAWAY_ACCOUNT_ID = $simulator.AccountId; HOSTAWAY_API_KEY = 'wrong' }
        (Invoke-ChildPwsh -Script $script -Environment $environment).ExitCode | Should -Not -Be 0
        $environment.HOSTAWAY_API_KEY = $simulator.Secret
        $ok = Invoke-ChildPwsh -Script $script -Environment $environment
        $ok.ExitCode | Should -Be 0 -Because $ok.Error
    }

    It 'a pass that sees fewer rows than the API counts ends Partial with HostawaySyncIncomplete: a warning, an error that -ErrorAction Stop turns into a stop, and the next run succeeds' {
        # The API stops serving rows past offset 2 while its count says 3 listings exist.
        Set-TestSimulatorSettings $simulator @{ offsetCeiling = 2 }
        try {
            $result = Invoke-HostawaySync @sync -WarningVariable warnings -ErrorVariable errors -ErrorAction SilentlyContinue

            $result.Status | Should -Be 'Partial'
            ($result.Resources | Where-Object Resource -EQ 'Listings').Status | Should -Be 'Partial'
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'HostawaySyncIncomplete,*'
            $errors[0].Exception.Message | Should -Match 'saw 2 of the 3 listings the API counts'
            ($warnings -join "`n") | Should -Match 'Listings sync incomplete \(HostawaySyncIncomplete\)'
            (Get-HostawaySyncLog -DatabasePath $sync.DatabasePath -Resource Listings -Last 1).ErrorId | Should -Be 'HostawaySyncIncomplete'
            { Invoke-HostawaySync @sync -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'HostawaySyncIncomplete*'
        }
        finally {
            Set-TestSimulatorSettings $simulator @{ offsetCeiling = 0 }
        }

        (Invoke-HostawaySync @sync).Status | Should -Be 'Succeeded'
        (Get-HostawayListing -DatabasePath $sync.DatabasePath).Count | Should -Be 3
    }

    It 'writes progress per resource under one run activity, with percentages where a total is known, and completes it' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("`$ProgressPreference = 'Continue'; Import-Module '$manifest'; Invoke-HostawaySync -DatabasePath '$($sync.DatabasePath)' -ConversationsPath '$($sync.ConversationsPath)' -Credential `$args[0]").AddArgument($sync.Credential)
            $result = $ps.Invoke()
            $result[0].Status | Should -Be 'Succeeded'
            $progress = @($ps.Streams.Progress)
        }
        finally { $ps.Dispose() }
        $run = $progress | Where-Object Activity -EQ 'Hostaway sync'
        $run | Should -Not -BeNullOrEmpty
        $runId = $run[0].ActivityId
        $run[-1].RecordType | Should -Be 'Completed'
        foreach ($resource in 'Listings', 'Reservations', 'Conversations', 'Reviews') {
            $records = $progress | Where-Object Activity -EQ "Syncing $resource"
            $records | Should -Not -BeNullOrEmpty -Because "$resource reports progress"
            $records.ParentActivityId | Sort-Object -Unique | Should -Be $runId
            $records[-1].RecordType | Should -Be 'Completed'
        }
        $percentages = ($progress | Where-Object { $_.Activity -eq 'Syncing Conversations' -and $_.PercentComplete -ge 0 }).PercentComplete
        $percentages | Should -Not -BeNullOrEmpty -Because 'the number of conversations is known from the first page'
        $percentages | Where-Object { $_ -gt 100 } | Should -BeNullOrEmpty
    }

    It 'stops cleanly on Ctrl+C (Stop), and the next run finishes the job' {
        $slow = Start-TestSimulator -Seed 8 -Size small -Arguments '--latency-ms', '100'
        try {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$manifest'; `$env:HOSTAWAY_BASE_URL = '$($slow.BaseUrl)'; Invoke-HostawaySync -DatabasePath '$($sync.DatabasePath)' -ConversationsPath '$($sync.ConversationsPath)' -Credential `$args[0]").AddArgument((New-TestCredential $slow))
            $handle = $ps.BeginInvoke()
            Start-Sleep -Seconds 3
            $ps.Stop()
            $handle.IsCompleted | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Dispose()
            # The cmdlet returned only once the engine had ended the run: its log rows are closed as cancelled (none left
            # Running, which only a later run would close) and the writer lock is free, so the next run starts at once.
            $stopped = Get-HostawaySyncLog -DatabasePath $sync.DatabasePath -Last 1 -Resource Run
            $stopped.Status | Should -Be 'Cancelled'
            @(Get-HostawaySyncLog -DatabasePath $sync.DatabasePath -Status Running).Count | Should -Be 0

            $env:HOSTAWAY_BASE_URL = $slow.BaseUrl
            $sync.Credential = New-TestCredential $slow
            $resumed = Invoke-HostawaySync @sync
            $resumed.Status | Should -Be 'Succeeded'
        }
        finally {
            $env:HOSTAWAY_BASE_URL = $simulator.BaseUrl
            Stop-TestSimulator $slow
        }
    }
}

# One plan decides what a run does: -WhatIf shows it, and the run then executes it (the same run mode and the same mode per resource).
Describe 'The -WhatIf plan and the run' {
    BeforeAll {
        $folder = New-TestFolder
        $paths = "-DatabasePath '$(Join-Path $folder 'hostaway.db')' -ConversationsPath '$(Join-Path $folder 'conversations')'"
        $credential = New-TestCredential $simulator
        # The plan -WhatIf shows in a fresh pwsh: the run's mode, and each resource with its mode.
        function Get-WhatIfPlan([string] $Command, [hashtable] $Environment = @{}) {
            $run = Invoke-ChildPwsh -Script "Import-Module '$manifest'; $Command $paths -WhatIf" -Environment $Environment
            $run.ExitCode | Should -Be 0 -Because $run.Error
            if ($run.Output -notmatch 'What if: .*?(?<mode>\w+) sync of [\w, ]+ \((?<resources>[\w, ]+)\) from ') { throw "No plan in: $($run.Output)" }
            "$($Matches.mode): $($Matches.resources)"
        }
        function Invoke-Planned([string] $Command, [hashtable] $Environment = @{}) {
            $expected = Get-WhatIfPlan $Command $Environment
            $saved = @{}
            foreach ($key in $Environment.Keys) { $saved[$key] = [Environment]::GetEnvironmentVariable($key); [Environment]::SetEnvironmentVariable($key, $Environment[$key]) }
            try { $result = Invoke-Expression "$Command $paths -Credential `$credential" }
            finally { foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) } }
            $result.Status | Should -Be 'Succeeded'
            "$($result.Mode): $(($result.Resources | ForEach-Object { "$($_.Resource) $($_.Mode)" }) -join ', ')" | Should -Be $expected
            $log = Get-HostawaySyncLog -RunId $result.RunId -DatabasePath (Join-Path $folder 'hostaway.db')
            ($log | Where-Object Resource -EQ 'Run').Mode | Should -Be $result.Mode
            $expected
        }
    }
    AfterAll { Remove-TestFolder $folder }

    It 'Sync-HostawayListing alone: a full listings run' {
        Invoke-Planned 'Sync-HostawayListing' | Should -Be 'Full: Listings Full'
    }

    It 'then an automatic run: full for the resources never synced, as -WhatIf says' {
        Invoke-Planned 'Invoke-HostawaySync' | Should -Be 'Full: Listings Full, Reservations Full, Conversations Full, Reviews Full'
    }

    It 'then an automatic run: incremental' {
        Invoke-Planned 'Invoke-HostawaySync' | Should -Be 'Incremental: Listings Full, Reservations Incremental, Conversations Incremental, Reviews Incremental'
    }

    It '-Full and -Reconcile' {
        Invoke-Planned 'Invoke-HostawaySync -Full' | Should -Be 'Full: Listings Full, Reservations Full, Conversations Full, Reviews Full'
        Invoke-Planned 'Invoke-HostawaySync -Reconcile -Resource Reservations, Conversations' | Should -Be 'Reconcile: Reservations Reconcile, Conversations Reconcile'
    }

    It 'the per-resource cmdlets, with what they need' {
        Invoke-Planned 'Sync-HostawayReservation' | Should -Be 'Incremental: Reservations Incremental'
        Invoke-Planned 'Sync-HostawayConversation -Reconcile' | Should -Be 'Reconcile: Reservations Reconcile, Conversations Reconcile'
        Invoke-Planned 'Sync-HostawayReview' | Should -Be 'Incremental: Reviews Incremental'
        Invoke-Planned 'Sync-HostawayReview -Full' | Should -Be 'Full: Reviews Full'
        Invoke-Planned 'Sync-HostawayReservation -Full' | Should -Be 'Full: Reservations Full'
    }

    It 'an automatic run reconciles once the last full or reconcile pass is older than ReconcileIntervalHours' {
        Start-Sleep -Milliseconds 1500
        Invoke-Planned 'Invoke-HostawaySync' @{ HOSTAWAY_RECONCILE_INTERVAL_HOURS = '0.0003' } | Should -Be 'Reconcile: Listings Full, Reservations Reconcile, Conversations Reconcile, Reviews Reconcile'
        Invoke-Planned 'Invoke-HostawaySync' @{ HOSTAWAY_RECONCILE_INTERVAL_HOURS = '0' } | Should -Be 'Incremental: Listings Full, Reservations Incremental, Conversations Incremental, Reviews Incremental'
    }

    It '-Reconcile with -Full is a parameter binding error' {
        foreach ($command in 'Invoke-HostawaySync', 'Sync-HostawayReservation', 'Sync-HostawayConversation') {
            { & $command -Full -Reconcile -WhatIf } | Should -Throw -ErrorId "AmbiguousParameterSet,HostawaySync.Commands.$($command -replace '-')Command"
        }
        { Invoke-HostawaySync -Incremental -Reconcile -WhatIf } | Should -Throw -ErrorId 'AmbiguousParameterSet,*'
    }
}
