# Secret hygiene (issue 13 part 4): after syncs that succeed, that fail (a wrong secret), that retry 5xx answers with
# bodies, and that meet a refused access token, all with -Verbose and -Debug, neither an API secret nor any access token
# appears in any file under the data, configuration or export folders (other than the protected credential and token
# files themselves), in any output stream, error record or sync-log row. The streams, error records and the sync log
# are written to files in the same folder, and every byte of every file there is scanned (UTF-8 and UTF-16).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $variables = 'HOSTAWAY_CONFIG_PATH', 'HOSTAWAY_ACCOUNT_ID', 'HOSTAWAY_API_KEY', 'HOSTAWAY_BASE_URL', 'HOSTAWAY_REQUESTS_PER_10S',
        'HOSTAWAY_DATABASE_PATH', 'HOSTAWAY_DATABASE_URL', 'HOSTAWAY_CONVERSATIONS_PATH'
    $saved = @{}; foreach ($name in $variables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }

    # Everything a command wrote to any stream (each object as the console shows it and with all its properties), and the
    # full detail of its error records, into a file of the scanned folder.
    function Save-Streams([string] $Folder, [string] $Name, [object[]] $Records) {
        $text = foreach ($record in $Records) {
            $record | Out-String -Width 400
            if ($record -isnot [string]) { $record | Format-List * -Force | Out-String -Width 400 }
            if ($record -is [Management.Automation.ErrorRecord]) {
                $record | Format-List * -Force | Out-String -Width 400
                $record.Exception | Format-List * -Force | Out-String -Width 400
                $record.ErrorDetails | Format-List * -Force | Out-String -Width 400
            }
        }
        Set-Content -LiteralPath (Join-Path $Folder "$Name.txt") -Value ($text -join "`n") -Encoding utf8
    }

    # A configuration of the test's own (folder, no credential variables) pointed at the simulator.
    function Use-TestSimulator($Simulator, [string] $Folder) {
        $null = Reset-TestConfiguration $variables $Folder
        $env:HOSTAWAY_BASE_URL = $Simulator.BaseUrl
        $env:HOSTAWAY_REQUESTS_PER_10S = '1000'
    }

    # A byte search: Latin-1 maps every byte to one character, so an ordinal string search finds exactly the byte sequence.
    function Find-Bytes([byte[]] $Haystack, [byte[]] $Needle) {
        return [Text.Encoding]::Latin1.GetString($Haystack).IndexOf([Text.Encoding]::Latin1.GetString($Needle), [StringComparison]::Ordinal) -ge 0
    }
}
AfterAll { foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }

Describe 'Secrets and access tokens' {
    It 'appear in no file, stream, error record or sync-log row after syncs that succeed, fail, retry and meet a refused token' {
        $folder = New-TestFolder
        $simulator = Start-TestSimulator -Seed 13 -Size tiny
        try {
            Use-TestSimulator $simulator $folder
            $data = @{ DatabasePath = Join-Path $folder 'data/hostaway.db'; ConversationsPath = Join-Path $folder 'data/conversations' }
            $streams = (New-Item -ItemType Directory -Path (Join-Path $folder 'streams')).FullName
            $configFolder = Split-Path $env:HOSTAWAY_CONFIG_PATH
            $tokens = New-TestAccessTokenStore $configFolder
            $wrongSecret = 'wrong-secret-7d41c0ffee'
            # -Debug also turns warnings and errors into prompts (PowerShell's rule for every cmdlet), which a
            # non-interactive session refuses: their actions are given too, so everything is written and nothing asks.
            $loud = @{ Verbose = $true; Debug = $true; WarningAction = 'Continue'; ErrorAction = 'Continue' }

            Save-Streams $streams 'set' @(Set-HostawayCredential -Credential (New-TestCredential $simulator) @loud *>&1)
            $first = @(Invoke-HostawaySync @data @loud *>&1)
            Save-Streams $streams 'sync-1' $first
            $token1 = $tokens.Load($simulator.AccountId)
            $token1 | Should -Not -BeNullOrEmpty

            # The kept token is refused (revoked at the server): the next run mints another, keeps it, and goes on.
            Invoke-RestMethod -Method Post -Uri "$($simulator.ControlUrl)tokens/revoke?token=$([uri]::EscapeDataString($token1))" | Out-Null
            $second = @(Invoke-HostawaySync @data -Full @loud *>&1)
            Save-Streams $streams 'sync-2-refused-token' $second
            $token2 = $tokens.Load($simulator.AccountId)
            $token2 | Should -Not -BeNullOrEmpty
            $token2 | Should -Not -Be $token1

            # 5xx answers with HTML bodies, retried.
            Set-TestSimulatorSettings $simulator @{ faultRate = 0.15; faults = 'ServerError' }
            $third = @(Invoke-HostawaySync @data -Full @loud *>&1)
            Save-Streams $streams 'sync-3-server-errors' $third
            Set-TestSimulatorSettings $simulator @{ faultRate = 0 }
            (Get-TestSimulatorStats $simulator).faultsInjected | Should -BeGreaterThan 0

            # A wrong secret given on the command line: the run fails with HostawayAuthFailed.
            $failed = @(try { Invoke-HostawaySync @data -Credential (New-TestCredential $simulator $wrongSecret) @loud *>&1 } catch { $_ })
            Save-Streams $streams 'sync-4-wrong-secret' $failed
            @($failed | Where-Object { $_ -is [Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'HostawayAuthFailed,*' }).Count | Should -BeGreaterThan 0

            Save-Streams $streams 'export' @(Export-HostawayTrainingData @data -Path (Join-Path $folder 'exports/training.jsonl') @loud *>&1)
            Save-Streams $streams 'test' @(Test-HostawaySync -DatabasePath $data.DatabasePath @loud *>&1)
            Save-Streams $streams 'sync-log' @(Get-HostawaySyncLog -DatabasePath $data.DatabasePath)
            Save-Streams $streams 'configuration' @(Get-HostawayConfiguration; Get-HostawayCredential)
            Save-Streams $streams 'errors' @($Error)

            # The secrets and tokens to look for, as UTF-8 and as UTF-16 (a .NET string dumped as it is in memory).
            $needles = @{ 'the API secret' = $simulator.Secret; 'the wrong secret' = $wrongSecret; 'the first token' = $token1; 'the second token' = $token2 }
            $protected = @((Join-Path $configFolder 'credential.json'), (Join-Path $configFolder 'tokens.json'))
            $files = @(Get-ChildItem -LiteralPath $folder -Recurse -File -Force | Where-Object FullName -NotIn $protected)
            $files.Count | Should -BeGreaterThan 10
            @($files | Where-Object Name -EQ 'hostaway.db').Count | Should -Be 1
            $scan = {
                param($Files)
                foreach ($file in $Files) {
                    $bytes = [IO.File]::ReadAllBytes($file.FullName)
                    foreach ($name in $needles.Keys) {
                        foreach ($encoding in [Text.Encoding]::UTF8, [Text.Encoding]::Unicode) {
                            if (Find-Bytes $bytes $encoding.GetBytes($needles[$name])) { "$name in $($file.FullName) ($($encoding.WebName))" }
                        }
                    }
                }
            }
            @(& $scan $files) | Should -BeNullOrEmpty

            # The scan can fail: a token written as .NET holds it in memory (UTF-16) is found.
            $probe = Join-Path $streams 'probe.bin'
            [IO.File]::WriteAllBytes($probe, [Text.Encoding]::Unicode.GetBytes("x $token2 x"))
            @(& $scan @(Get-Item -LiteralPath $probe)) | Should -Be "the second token in $probe (utf-16)"
        }
        finally {
            Stop-TestSimulator $simulator
            Remove-TestFolder $folder
        }
    }
}

Describe 'Access tokens over scheduled runs' {
    It 'ten consecutive runs with the credential from the environment mint one token and leave one live; a run with an explicit -Credential leaves no more' {
        $folder = New-TestFolder
        $simulator = Start-TestSimulator -Seed 14 -Size tiny
        try {
            Use-TestSimulator $simulator $folder
            $env:HOSTAWAY_ACCOUNT_ID = $simulator.AccountId
            $env:HOSTAWAY_API_KEY = $simulator.Secret
            $data = @{ DatabasePath = Join-Path $folder 'data/hostaway.db'; ConversationsPath = Join-Path $folder 'data/conversations' }

            foreach ($run in 1..10) { (Invoke-HostawaySync @data).Status | Should -Be 'Succeeded' }
            $stats = Get-TestSimulatorStats $simulator
            $stats.tokensIssued | Should -Be 1
            $stats.liveTokens | Should -Be 1

            # A one-off run with -Credential keeps no token: it mints one and revokes it when it ends.
            (Invoke-HostawaySync @data -Credential (New-TestCredential $simulator)).Status | Should -Be 'Succeeded'
            $stats = Get-TestSimulatorStats $simulator
            $stats.tokensIssued | Should -Be 2
            $stats.liveTokens | Should -Be 1
        }
        finally {
            Stop-TestSimulator $simulator
            Remove-TestFolder $folder
        }
    }
}
