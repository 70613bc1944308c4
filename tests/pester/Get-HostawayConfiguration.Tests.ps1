# Get-HostawayConfiguration: every setting with its value and source; a temporary configuration file only.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $names = 'DatabasePath', 'DatabaseUrl', 'ConversationsPath', 'BaseUrl', 'RequestsPer10Seconds', 'StorePhotoMetadata', 'SyncFullOnStart',
        'SyncIncrementalDaily', 'SyncIntervalHours', 'ReconcileIntervalHours', 'IncrementalOverlapMinutes', 'ReviewWindowDays', 'Store', 'RateLimit', 'Credential'
    $variables = 'HOSTAWAY_CONFIG_PATH', 'HOSTAWAY_DATABASE_PATH', 'HOSTAWAY_DATABASE_URL', 'HOSTAWAY_CONVERSATIONS_PATH', 'HOSTAWAY_BASE_URL', 'HOSTAWAY_REQUESTS_PER_10S',
        'HOSTAWAY_RECONCILE_INTERVAL_HOURS', 'HOSTAWAY_ACCOUNT_ID', 'HOSTAWAY_API_KEY'
    $saved = @{}; foreach ($name in $variables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
}
AfterAll { foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }

Describe 'Get-HostawayConfiguration' {
    BeforeEach {
        $folder = New-TestFolder
        $null = Reset-TestConfiguration $variables $folder
    }
    AfterEach { Remove-TestFolder $folder }

    It 'lists every setting, typed, from its default when nothing is configured' {
        $settings = Get-HostawayConfiguration
        $settings[0] | Should -BeOfType 'HostawaySync.Output.HostawayConfigurationSetting'
        $settings.Name | Should -Be $names
        ($settings | Where-Object Name -NotIn 'Credential', 'RateLimit').Source | Sort-Object -Unique | Should -Be 'Default'
        ($settings | Where-Object Name -EQ 'Credential').Source | Should -Be 'None'
        (Get-HostawayConfiguration RequestsPer10Seconds).Value | Should -BeExactly 'auto'
        # Nothing synced yet: auto starts at 14 per 10 s (the lowest published 15) until a run finds the limit.
        $rateLimit = Get-HostawayConfiguration RateLimit
        $rateLimit.Value | Should -BeExactly 'auto: 14 per 10 s until found'
        $rateLimit.Source | Should -Be 'LowestPublished'
        $rateLimit.Description | Should -BeLike '*No run has found*60 requests*'
        (Get-HostawayConfiguration SyncIntervalHours).Value | Should -Be 24
        (Get-HostawayConfiguration ReconcileIntervalHours).Value | Should -BeExactly 168.0
        (Get-HostawayConfiguration BaseUrl).Value | Should -Be 'https://api.hostaway.com/v1/'
        (Get-HostawayConfiguration DatabasePath).Value | Should -BeLike '*HostawaySync*data*database*hostaway.db'
        $settings.ConfigurationPath | Sort-Object -Unique | Should -Be $env:HOSTAWAY_CONFIG_PATH
        (Get-Command Get-HostawayConfiguration).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawayConfigurationSetting'
    }

    It 'shows the source of each value: environment over session over file over default' {
        Set-HostawayConfiguration -DatabasePath (Join-Path $folder 'file.db') -SyncIntervalHours 6
        Set-HostawayConfiguration -SyncIntervalHours 3 -SessionOnly
        $env:HOSTAWAY_REQUESTS_PER_10S = '12'
        $byName = @{}; Get-HostawayConfiguration | ForEach-Object { $byName[$_.Name] = $_ }
        $byName.DatabasePath.Source | Should -Be 'File'
        $byName.DatabasePath.Value | Should -Be (Join-Path $folder 'file.db')
        $byName.SyncIntervalHours.Source | Should -Be 'Session'
        $byName.SyncIntervalHours.Value | Should -Be 3
        $byName.RequestsPer10Seconds.Source | Should -Be 'Environment'
        $byName.RequestsPer10Seconds.Value | Should -BeExactly 12
        # A set budget is the one in use: obeyed exactly, no discovery.
        $byName.RateLimit.Value | Should -BeExactly '12 per 10 s'
        $byName.RateLimit.Source | Should -Be 'Environment'
        $byName.RateLimit.Description | Should -BeLike '*exactly*never looks*'
        $byName.SyncFullOnStart.Source | Should -Be 'Default'
    }

    It 'filters by name with wildcards, and reports an unknown exact name' {
        (Get-HostawayConfiguration Sync*).Name | Should -Be 'SyncFullOnStart', 'SyncIncrementalDaily', 'SyncIntervalHours'
        $null = Get-HostawayConfiguration NoSuchSetting -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'HostawaySettingNotFound*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'stops with HostawayConfigurationInvalid when the file is not valid JSON or holds a bad value' {
        $null = New-Item -ItemType Directory -Force (Split-Path $env:HOSTAWAY_CONFIG_PATH)
        Set-Content -LiteralPath $env:HOSTAWAY_CONFIG_PATH -Value '{ "SyncIntervalHours": '
        { Get-HostawayConfiguration } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*'
        Set-Content -LiteralPath $env:HOSTAWAY_CONFIG_PATH -Value '{ "RequestsPer10Seconds": 0 }'
        $failure = { Get-HostawayConfiguration } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*' -PassThru
        $failure.Exception.Message | Should -Match 'RequestsPer10Seconds'
        $failure.Exception.Message | Should -Match ([regex]::Escape($env:HOSTAWAY_CONFIG_PATH))
    }

    It 'rejects a bad environment value, naming the variable' {
        $env:HOSTAWAY_BASE_URL = 'not a url'
        $failure = { Get-HostawayConfiguration } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*' -PassThru
        $failure.Exception.Message | Should -Match 'HOSTAWAY_BASE_URL'
    }

    It 'completes setting names' {
        $completion = TabExpansion2 -inputScript 'Get-HostawayConfiguration SyncI' -cursorColumn 'Get-HostawayConfiguration SyncI'.Length
        $completion.CompletionMatches.CompletionText | Should -Be 'SyncIncrementalDaily', 'SyncIntervalHours'
    }

    It 'exports to CSV as flat columns' {
        Test-FlatCsv (Get-HostawayConfiguration) $folder | Should -BeTrue
    }
}
