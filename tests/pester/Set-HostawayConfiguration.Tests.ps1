# Set-HostawayConfiguration: the per-user file (a temporary one here) and session values, and their effect on the cmdlets.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Get-HostawayModuleManifest
    Import-Module $manifest -Force
    $variables = 'HOSTAWAY_CONFIG_PATH', 'HOSTAWAY_DATABASE_PATH', 'HOSTAWAY_DATABASE_URL', 'HOSTAWAY_CONVERSATIONS_PATH', 'HOSTAWAY_BASE_URL', 'HOSTAWAY_REQUESTS_PER_10S',
        'HOSTAWAY_RECONCILE_INTERVAL_HOURS'
    $saved = @{}; foreach ($name in $variables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $simulator = Start-TestSimulator -Seed 21
}
AfterAll {
    foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    Stop-TestSimulator $simulator
}

Describe 'Set-HostawayConfiguration' {
    BeforeEach {
        $folder = New-TestFolder
        $configPath = Reset-TestConfiguration $variables $folder
    }
    AfterEach { Remove-TestFolder $folder }

    It 'writes the file as JSON, stores paths in full and keeps what it does not know' {
        $null = New-Item -ItemType Directory (Split-Path $configPath)
        Set-Content -LiteralPath $configPath -Value '{ "SomeFutureSetting": "kept" }'
        Push-Location $folder
        try { Set-HostawayConfiguration -DatabasePath ./data/my.db -SyncIntervalHours 6 -StorePhotoMetadata $false }
        finally { Pop-Location }
        $json = Get-Content -LiteralPath $configPath -Raw | ConvertFrom-Json
        $json.DatabasePath | Should -Be (Join-Path $folder 'data/my.db')
        $json.SyncIntervalHours | Should -Be 6
        $json.StorePhotoMetadata | Should -BeFalse
        $json.SomeFutureSetting | Should -Be 'kept'
        (Get-HostawayConfiguration DatabasePath).Source | Should -Be 'File'
        Get-ChildItem (Split-Path $configPath) | Should -HaveCount 1 -Because 'the temporary file is renamed into place'
    }

    It '-Reset removes settings from the file so the default applies again' {
        Set-HostawayConfiguration -SyncIntervalHours 6 -RequestsPer10Seconds 10
        Set-HostawayConfiguration -Reset SyncInterval*
        (Get-HostawayConfiguration SyncIntervalHours).Source | Should -Be 'Default'
        (Get-HostawayConfiguration RequestsPer10Seconds).Value | Should -Be 10
        { Set-HostawayConfiguration -Reset NoSuchSetting } | Should -Throw -ErrorId 'HostawaySettingNotFound*'
    }

    It '-SessionOnly leaves the file alone and is not seen by another runspace' {
        Set-HostawayConfiguration -SyncIntervalHours 2 -SessionOnly
        Test-Path -LiteralPath $configPath | Should -BeFalse
        (Get-HostawayConfiguration SyncIntervalHours).Source | Should -Be 'Session'
        $other = [powershell]::Create()
        try {
            $null = $other.AddScript("Import-Module '$manifest'; (Get-HostawayConfiguration SyncIntervalHours).Source")
            $other.Invoke() | Should -Be 'Default'
        }
        finally { $other.Dispose() }
    }

    It 'checks every value first: a bad one changes nothing' {
        Set-HostawayConfiguration -SyncIntervalHours 6
        $before = Get-Content -LiteralPath $configPath -Raw
        { Set-HostawayConfiguration -SyncIntervalHours 5 -BaseUrl 'ftp://example.test/' } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*'
        { Set-HostawayConfiguration -RequestsPer10Seconds 0 } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*'
        { Set-HostawayConfiguration -RequestsPer10Seconds 'fast' } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*'
        { Set-HostawayConfiguration } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*'
        Get-Content -LiteralPath $configPath -Raw | Should -BeExactly $before
    }

    It 'RequestsPer10Seconds: a number is saved as a number, auto as auto, and the environment takes either' {
        (Set-HostawayConfiguration -RequestsPer10Seconds 180 -PassThru).Value | Should -BeExactly 180
        (Get-Content -LiteralPath $configPath -Raw | ConvertFrom-Json).RequestsPer10Seconds | Should -BeExactly 180
        (Set-HostawayConfiguration -RequestsPer10Seconds AUTO -PassThru).Value | Should -BeExactly 'auto'
        (Get-Content -LiteralPath $configPath -Raw | ConvertFrom-Json).RequestsPer10Seconds | Should -BeExactly 'auto'
        $env:HOSTAWAY_REQUESTS_PER_10S = 'auto'
        try {
            (Get-HostawayConfiguration RequestsPer10Seconds).Source | Should -Be 'Environment'
            (Get-HostawayConfiguration RateLimit).Value | Should -BeLike 'auto:*'
            $env:HOSTAWAY_REQUESTS_PER_10S = 'lots'
            { Get-HostawayConfiguration RequestsPer10Seconds } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*'
        }
        finally { Remove-Item Env:HOSTAWAY_REQUESTS_PER_10S -ErrorAction SilentlyContinue }
    }

    It 'ReconcileIntervalHours: 0 (never) is saved, a negative value is refused from the parameter and the environment' {
        (Set-HostawayConfiguration -ReconcileIntervalHours 0 -PassThru).Value | Should -BeExactly 0.0
        (Get-Content -LiteralPath $configPath -Raw | ConvertFrom-Json).ReconcileIntervalHours | Should -Be 0
        $before = Get-Content -LiteralPath $configPath -Raw
        { Set-HostawayConfiguration -ReconcileIntervalHours -1 } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*'
        Get-Content -LiteralPath $configPath -Raw | Should -BeExactly $before
        $env:HOSTAWAY_RECONCILE_INTERVAL_HOURS = '-2'
        try { { Get-HostawayConfiguration ReconcileIntervalHours } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*' -ExpectedMessage '*HOSTAWAY_RECONCILE_INTERVAL_HOURS*' }
        finally { $env:HOSTAWAY_RECONCILE_INTERVAL_HOURS = $null }
    }

    It 'ReviewWindowDays: saved, refused below 7 from the parameter, and read from HOSTAWAY_REVIEW_WINDOW_DAYS' {
        (Set-HostawayConfiguration -ReviewWindowDays 45 -PassThru).Value | Should -Be 45
        (Get-Content -LiteralPath $configPath -Raw | ConvertFrom-Json).ReviewWindowDays | Should -Be 45
        { Set-HostawayConfiguration -ReviewWindowDays 3 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        $env:HOSTAWAY_REVIEW_WINDOW_DAYS = '120'
        try {
            $setting = Get-HostawayConfiguration ReviewWindowDays
            $setting.Value | Should -Be 120
            $setting.Source | Should -Be 'Environment'
        }
        finally { $env:HOSTAWAY_REVIEW_WINDOW_DAYS = $null }
    }

    It '-WhatIf writes nothing; -PassThru returns the settings in effect' {
        Set-HostawayConfiguration -SyncIntervalHours 6 -WhatIf
        Test-Path -LiteralPath $configPath | Should -BeFalse
        $result = Set-HostawayConfiguration -SyncIntervalHours 6 -PassThru
        $result | Should -BeOfType 'HostawaySync.Output.HostawayConfigurationSetting'
        $result.Value | Should -Be 6
    }

    It 'warns when an environment variable overrides the setting' {
        $env:HOSTAWAY_REQUESTS_PER_10S = '12'
        Set-HostawayConfiguration -RequestsPer10Seconds 8 -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings[0] | Should -Match 'HOSTAWAY_REQUESTS_PER_10S'
        (Get-HostawayConfiguration RequestsPer10Seconds).Value | Should -Be 12
    }

    It 'the cmdlets use the configured paths and sync settings; a parameter beats them all' {
        $credential = New-TestCredential $simulator
        $database = Join-Path $folder 'configured.db'
        Set-HostawayConfiguration -DatabasePath $database -ConversationsPath (Join-Path $folder 'conversations') -BaseUrl $simulator.BaseUrl -RequestsPer10Seconds 1000 -StorePhotoMetadata $false -SyncIncrementalDaily $false
        $first = Invoke-HostawaySync -Credential $credential
        $first.Status | Should -Be 'Succeeded'
        $first.DatabasePath | Should -Be $database
        (Get-HostawayListing).Count | Should -BeGreaterThan 0
        Get-HostawayListingPhoto | Should -BeNullOrEmpty -Because 'StorePhotoMetadata is off'
        (Get-ChildItem (Join-Path $folder 'conversations') -Recurse -File).Count | Should -BeGreaterThan 0
        (Invoke-HostawaySync -Credential $credential -Resource Reservations).Mode | Should -Be 'Full' -Because 'SyncIncrementalDaily is off'

        $other = Join-Path $folder 'other.db'
        $null = Invoke-HostawaySync -Credential $credential -DatabasePath $other -Resource Listings
        Test-Path -LiteralPath $other | Should -BeTrue
        (Get-HostawayListing -DatabasePath $other).Count | Should -Be (Get-HostawayListing).Count
    }

    It 'SyncFullOnStart off: an automatic first sync stops with HostawayFullSyncRequired and touches nothing' {
        Set-HostawayConfiguration -SyncFullOnStart $false -BaseUrl $simulator.BaseUrl -SessionOnly
        $database = Join-Path $folder 'never.db'
        $before = (Get-TestSimulatorStats $simulator).requests
        $failure = { Invoke-HostawaySync -Credential (New-TestCredential $simulator) -DatabasePath $database } | Should -Throw -ErrorId 'HostawayFullSyncRequired*' -PassThru
        $failure.ErrorDetails.RecommendedAction | Should -Match '-Full'
        Test-Path -LiteralPath $database | Should -BeFalse
        (Get-TestSimulatorStats $simulator).requests | Should -Be $before
    }

    It 'SyncIntervalHours drives -IfDue' {
        Set-HostawayConfiguration -SyncIntervalHours 0.5 -BaseUrl $simulator.BaseUrl -RequestsPer10Seconds 1000 -SessionOnly
        $sync = @{ Credential = (New-TestCredential $simulator); DatabasePath = (Join-Path $folder 'due.db'); ConversationsPath = (Join-Path $folder 'c') }
        $null = Invoke-HostawaySync @sync -Resource Listings
        $skipped = Invoke-HostawaySync @sync -IfDue -Verbose 4>&1
        $verbose = $skipped | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ($verbose -match 'Not due.*less than 0\.5 hours') | Should -Not -BeNullOrEmpty
        $skipped | Where-Object { $_ -is [HostawaySync.Output.HostawaySyncResult] } | Should -BeNullOrEmpty
    }
}
