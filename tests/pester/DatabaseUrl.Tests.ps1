# The DatabaseUrl setting and -DatabaseUrl: which store is in effect and why, and a PostgreSQL password that never shows:
# not in Get-HostawayConfiguration, the configuration file, -WhatIf or -Verbose text, results, error records or the sync
# log. Temporary configuration files and databases only; the server is the test run's (127.0.0.1).
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $postgresSkip = Get-TestPostgresSkipReason
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Get-HostawayModuleManifest
    Import-Module $manifest -Force
    $variables = 'HOSTAWAY_CONFIG_PATH', 'HOSTAWAY_DATABASE_PATH', 'HOSTAWAY_DATABASE_URL', 'HOSTAWAY_BASE_URL', 'HOSTAWAY_REQUESTS_PER_10S', 'PGPASSWORD', 'PGPASSFILE'
    $saved = @{}; foreach ($name in $variables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }

    # Everything a setting row shows, in every form a user might put it in.
    function Get-SettingsText { $all = Get-HostawayConfiguration; ($all | Format-List * | Out-String) + ($all | ConvertTo-Json -Depth 3) + ($all | ConvertTo-Csv | Out-String) }
}
AfterAll { foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }

Describe 'The DatabaseUrl setting' {
    BeforeEach {
        $folder = New-TestFolder
        $configPath = Reset-TestConfiguration $variables $folder
        $password = 'Pw-' + [guid]::NewGuid().ToString('N').Substring(0, 10)
    }
    AfterEach { $null = Reset-TestConfiguration $variables $folder; Remove-TestFolder $folder }

    It 'is shown without its password, as a URL or from the keyword form, and the Store row says it is in effect and why' {
        $env:HOSTAWAY_DATABASE_URL = "postgresql://sync:$password@db.example.test:5433/hostaway?schema=team&sslmode=require"
        (Get-HostawayConfiguration DatabaseUrl).Value | Should -Be 'postgresql://sync@db.example.test:5433/hostaway?schema=team&sslmode=require'
        $store = Get-HostawayConfiguration Store
        $store | Should -BeOfType 'HostawaySync.Output.HostawayConfigurationSetting'
        $store.Value | Should -Be 'postgresql://sync@db.example.test:5433/hostaway?schema=team&sslmode=require'
        $store.Source | Should -Be 'Environment'
        $store.Description | Should -Match 'PostgreSQL database, chosen by the DatabaseUrl setting \(from the environment variable HOSTAWAY_DATABASE_URL\)'
        Get-SettingsText | Should -Not -Match $password

        $env:HOSTAWAY_DATABASE_URL = "Host=db.example.test;Port=5433;Database=hostaway;Username=sync;Password=$password;Schema=team"
        (Get-HostawayConfiguration DatabaseUrl).Value | Should -Be 'postgresql://sync@db.example.test:5433/hostaway?schema=team'
        Get-SettingsText | Should -Not -Match $password
    }

    It 'without it the Store row is the SQLite file of the DatabasePath setting, or the default one' {
        $store = Get-HostawayConfiguration Store
        $store.Value | Should -Be (Get-HostawayConfiguration DatabasePath).Value
        $store.Source | Should -Be 'Default'
        $store.Description | Should -Match 'SQLite database, chosen by the default SQLite database'
        (Get-HostawayConfiguration DatabaseUrl).Value | Should -BeNullOrEmpty

        Set-HostawayConfiguration -DatabasePath (Join-Path $folder 'file.db')
        $store = Get-HostawayConfiguration Store
        $store.Value | Should -Be (Join-Path $folder 'file.db')
        $store.Source | Should -Be 'File'
        $store.Description | Should -Match 'the DatabasePath setting \(from the configuration file\)'
    }

    It 'wins over the DatabasePath setting; a -DatabasePath parameter wins over it' {
        $env:HOSTAWAY_DATABASE_PATH = Join-Path $folder 'env.db'
        Set-HostawayConfiguration -DatabaseUrl "postgresql://nobody@127.0.0.1:$(Get-TestFreePort)/none?connect_timeout=5" -SessionOnly
        $store = Get-HostawayConfiguration Store
        $store.Value | Should -BeLike 'postgresql://nobody@127.0.0.1:*'
        $store.Source | Should -Be 'Session'
        $store.Description | Should -Match 'set for this session\); it wins over the DatabasePath setting \(from the environment variable HOSTAWAY_DATABASE_PATH\)'

        { Get-HostawayListing -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayDatabaseUnreachable,*' -Because 'the URL setting is the store in effect'
        $env:HOSTAWAY_DATABASE_PATH | Should -Not -Exist
        (Initialize-HostawayDatabase -DatabasePath (Join-Path $folder 'param.db')).Path | Should -Be (Join-Path $folder 'param.db')
    }

    It 'Set-HostawayConfiguration refuses to save a password in the file, saves a URL without one, and -Reset clears it' {
        $failure = { Set-HostawayConfiguration -DatabaseUrl "postgresql://sync:$password@db.example.test/hostaway" -ErrorAction Stop } |
            Should -Throw -ErrorId 'HostawayConfigurationInvalid,HostawaySync.Commands.SetHostawayConfigurationCommand' -PassThru
        $failure.ErrorDetails.RecommendedAction | Should -Match 'PGPASSWORD'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'pgpass'
        $failure.ErrorDetails.RecommendedAction | Should -Match '-SessionOnly'
        Get-ErrorRecordText $failure | Should -Not -Match $password
        $configPath | Should -Not -Exist
        { Set-HostawayConfiguration -DatabaseUrl "Host=db.example.test;Database=hostaway;Username=sync;Password=$password" -ErrorAction Stop } |
            Should -Throw -ErrorId 'HostawayConfigurationInvalid,*'
        $configPath | Should -Not -Exist

        $saved = Set-HostawayConfiguration -DatabaseUrl 'postgresql://sync@db.example.test/hostaway?schema=team' -PassThru
        $saved.Source | Should -Be 'File'
        (Get-Content -LiteralPath $configPath -Raw | ConvertFrom-Json).DatabaseUrl | Should -Be 'postgresql://sync@db.example.test/hostaway?schema=team'
        (Get-HostawayConfiguration Store).Value | Should -Be 'postgresql://sync@db.example.test:5432/hostaway?schema=team'

        Set-HostawayConfiguration -Reset DatabaseUrl
        (Get-Content -LiteralPath $configPath -Raw | ConvertFrom-Json).PSObject.Properties.Name | Should -Not -Contain 'DatabaseUrl'
        (Get-HostawayConfiguration Store).Source | Should -Be 'Default'
    }

    It '-SessionOnly keeps a URL with its password for this session, and shows it nowhere' {
        $url = "postgresql://sync:$password@db.example.test/hostaway"
        $result = Set-HostawayConfiguration -DatabaseUrl $url -SessionOnly -PassThru
        $result.Value | Should -Be 'postgresql://sync@db.example.test:5432/hostaway?schema=hostaway'
        (Get-HostawayConfiguration DatabaseUrl).Source | Should -Be 'Session'
        Get-SettingsText | Should -Not -Match $password
        $configPath | Should -Not -Exist

        # The warning that an environment variable overrides the setting quotes the value in effect, without its password.
        $env:HOSTAWAY_DATABASE_URL = $url
        Set-HostawayConfiguration -DatabaseUrl 'postgresql://other@db.example.test/hostaway' -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'HOSTAWAY_DATABASE_URL'
        "$warnings" | Should -Not -Match $password
        (Get-Content -LiteralPath $configPath -Raw) | Should -Not -Match $password
    }

    It 'setting DatabasePath while DatabaseUrl is in effect warns that the URL still wins' {
        Set-HostawayConfiguration -DatabaseUrl 'postgresql://sync@db.example.test/hostaway'
        Set-HostawayConfiguration -DatabasePath (Join-Path $folder 'file.db') -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'DatabaseUrl setting \(in the configuration file\) wins over DatabasePath'
    }

    It 'an unreadable URL stops the cmdlets with HostawayConfigurationInvalid, naming the variable but not the text' {
        $env:HOSTAWAY_DATABASE_URL = "postgresql://sync:$password@db.example.test:99999/hostaway"
        $failure = { Get-HostawayConfiguration } | Should -Throw -ErrorId 'HostawayConfigurationInvalid,*' -PassThru
        $failure.Exception.Message | Should -Match 'HOSTAWAY_DATABASE_URL'
        Get-ErrorRecordText $failure | Should -Not -Match $password
        $failure = { Get-HostawayListing } | Should -Throw -ErrorId 'HostawayConfigurationInvalid,*' -PassThru
        Get-ErrorRecordText $failure | Should -Not -Match $password
    }
}

Describe 'A PostgreSQL password' {
    BeforeAll {
        if ($postgresSkip) { return }
        $folder = New-TestFolder
        $null = Reset-TestConfiguration $variables $folder
        $testStore = New-TestStore -Store PostgreSQL -Folder $folder
        $password = 'Pw-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
        $user = New-TestPostgresPasswordUser $testStore -Password $password
        # Each test its own schema: a URL with a password is remembered (for pipelines) under its password-free form.
        function Get-Url([string] $Schema, [string] $Secret) { Get-TestPostgresUrl -Database $testStore.Database -User $user -Password $Secret -Query "schema=$Schema" }
        $simulator = Start-TestSimulator -Seed 41
        $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $simulator.BaseUrl, '1000'
        $credential = New-TestCredential $simulator
    }
    BeforeEach { if ($postgresSkip) { Set-ItResult -Skipped -Because $postgresSkip } }
    AfterAll {
        Stop-TestSimulator $simulator
        Remove-TestStore $testStore
        Remove-TestFolder $folder
    }

    It 'a wrong one stops every command with HostawayDatabaseAuthFailed, and no error record holds it' {
        $wrong = 'Wrong-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $url = Get-Url -Schema 'refused' -Secret $wrong
        $commands = @(
            { Initialize-HostawayDatabase -DatabaseUrl $url -ErrorAction Stop }
            { Invoke-HostawaySync -DatabaseUrl $url -ConversationsPath (Join-Path $folder 'c') -Credential $credential -ErrorAction Stop -WarningAction SilentlyContinue }
            { Get-HostawayReservation -DatabaseUrl $url -ErrorAction Stop }
            { Search-HostawayMessage -DatabaseUrl $url -Query 'late check-in' -ConversationsPath $folder -ErrorAction Stop }
        )
        foreach ($command in $commands) {
            $failure = $command | Should -Throw -ErrorId 'HostawayDatabaseAuthFailed,*' -PassThru
            $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failure.Exception.Message | Should -Match $user
            $text = Get-ErrorRecordText $failure
            $text | Should -Not -Match $wrong
            $text | Should -Not -Match $password
        }
        Invoke-TestPostgresSql -Database $testStore.Database -Sql "SELECT count(*) FROM pg_namespace WHERE nspname = 'refused';" | Should -Be '0'
    }

    It 'PGPASSWORD supplies it for a URL without one' {
        try {
            $env:PGPASSWORD = $password
            (Initialize-HostawayDatabase -DatabaseUrl (Get-Url -Schema 'from_env')).Action | Should -Be 'Created'
        }
        finally { $env:PGPASSWORD = $null }
    }

    It 'a pgpass file supplies it for a URL without one' {
        $pgpass = Join-Path $folder 'pgpass.conf'
        $server = Get-TestPostgresServer
        Set-Content -LiteralPath $pgpass -Value "$($server.Host):$($server.Port):$($testStore.Database):${user}:$password"
        if (-not $IsWindows) { & chmod 600 $pgpass }
        try {
            $env:PGPASSFILE = $pgpass
            (Initialize-HostawayDatabase -DatabaseUrl (Get-Url -Schema 'from_pgpass')).Action | Should -Be 'Created'
        }
        finally { $env:PGPASSFILE = $null }
    }

    It 'given in the URL, it works and never shows: not in -Verbose or -Debug text, the result, the sync log, the database or a pipeline' {
        $url = Get-Url -Schema 'inline' -Secret $password
        $streams = Invoke-HostawaySync -DatabaseUrl $url -ConversationsPath (Join-Path $folder 'inline') -Credential $credential -Verbose -Debug 4>&1 5>&1
        $result = $streams | Where-Object { $_ -is [HostawaySync.Output.HostawaySyncResult] }
        $result.Status | Should -Be 'Succeeded'
        $result.DatabasePath | Should -BeNullOrEmpty
        $result.DatabaseUrl | Should -BeLike "postgresql://$user@*/$($testStore.Database)?schema=inline"
        $text = ($streams | Out-String) + ($result | Format-List * | Out-String) + ($result | ConvertTo-Json -Depth 4)
        $text | Should -Match ([regex]::Escape("Store $($result.DatabaseUrl) (the -DatabaseUrl parameter)"))
        $text | Should -Not -Match $password

        $log = Get-HostawaySyncLog -DatabaseUrl $url
        $log | Should -Not -BeNullOrEmpty
        ($log | Format-List * | Out-String) + ($log | ConvertTo-Json -Depth 3) | Should -Not -Match $password
        $log[0].DatabaseUrl | Should -Be $result.DatabaseUrl

        # Objects carry the URL without the password; the next cmdlet still reaches the database.
        $conversations = Get-HostawayReservation -DatabaseUrl $url | Get-HostawayConversation
        $conversations | Should -Not -BeNullOrEmpty
        $conversations[0].DatabaseUrl | Should -Be $result.DatabaseUrl
        ($conversations | Format-List * -Force | Out-String) | Should -Not -Match $password

        # Nothing the store keeps mentions it either.
        $dump = Invoke-TestPostgresSql -Database $testStore.Database -Sql "SELECT string_agg(t::text, ' ') FROM (SELECT row_to_json(s)::text AS t FROM inline.sync_logs s UNION ALL SELECT row_to_json(m)::text FROM inline.schema_migrations m) t;"
        "$dump" | Should -Match 'Run'
        "$dump" | Should -Not -Match $password
    }

    It '-WhatIf names the store without the password' {
        $url = Get-Url -Schema 'whatif' -Secret $password
        $script = "Import-Module '$manifest'; Initialize-HostawayDatabase -DatabaseUrl '$url' -WhatIf; Invoke-HostawaySync -DatabaseUrl '$url' -ConversationsPath '$folder/w' -WhatIf"
        $run = Invoke-ChildPwsh -Script $script -Environment @{ HOSTAWAY_BASE_URL = $simulator.BaseUrl; HOSTAWAY_CONFIG_PATH = $env:HOSTAWAY_CONFIG_PATH }
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match "What if: .*Create HostawaySync schema 'whatif'.*postgresql://$user@.*\?schema=whatif"
        $run.Output | Should -Match "What if: .*Full sync of Listings, Reservations, Conversations.*postgresql://$user@.*\?schema=whatif"
        $run.Output + $run.Error | Should -Not -Match $password
        Invoke-TestPostgresSql -Database $testStore.Database -Sql "SELECT count(*) FROM pg_namespace WHERE nspname = 'whatif';" | Should -Be '0'
    }
}
