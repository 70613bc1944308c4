# Remove-HostawayCredential: -WhatIf removes nothing; removing deletes the file, and revokes (at the simulator: loopback
# only) and forgets the access token kept for the account.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $variables = 'HOSTAWAY_CONFIG_PATH', 'HOSTAWAY_ACCOUNT_ID', 'HOSTAWAY_API_KEY', 'HOSTAWAY_BASE_URL'
    $saved = @{}; foreach ($name in $variables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $credential = [pscredential]::new('10450', (ConvertTo-SecureString 'stored-secret-1c9a' -AsPlainText -Force))
    $simulator = Start-TestSimulator -Seed 9
}
AfterAll {
    Stop-TestSimulator $simulator
    foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
}

Describe 'Remove-HostawayCredential' {
    BeforeEach {
        $folder = New-TestFolder
        $null = Reset-TestConfiguration $variables $folder
        $credentialPath = Join-Path $folder 'config/credential.json'
        $tokens = New-TestAccessTokenStore (Split-Path $credentialPath)
        # Revoking a kept token talks to the API: the simulator's, never the real one.
        $env:HOSTAWAY_BASE_URL = $simulator.BaseUrl
    }
    AfterEach { Remove-TestFolder $folder }

    It '-WhatIf removes nothing; then the credential and its kept access token are removed, other accounts keep theirs' {
        Set-HostawayCredential -Credential $credential
        $tokens.Save('10450', 'kept-token')
        $tokens.Save('20000', 'another-account-token')

        Remove-HostawayCredential -WhatIf
        Test-Path -LiteralPath $credentialPath | Should -BeTrue
        $tokens.Load('10450') | Should -Be 'kept-token'

        Remove-HostawayCredential -Confirm:$false
        Test-Path -LiteralPath $credentialPath | Should -BeFalse
        $tokens.Load('10450') | Should -BeNullOrEmpty
        $tokens.Load('20000') | Should -Be 'another-account-token'
        Get-HostawayCredential | Should -BeNullOrEmpty
    }

    It 'revokes the kept token at the API: no token this module minted stays live' {
        Set-HostawayCredential -Credential (New-TestCredential $simulator)
        $before = (Get-TestSimulatorStats $simulator).liveTokens
        $sync = Invoke-HostawaySync -DatabasePath (Join-Path $folder 'h.db') -ConversationsPath (Join-Path $folder 'c')
        $sync.Status | Should -Be 'Succeeded'
        $tokens.Load('10450') | Should -Not -BeNullOrEmpty
        (Get-TestSimulatorStats $simulator).liveTokens | Should -Be ($before + 1)

        Remove-HostawayCredential -Confirm:$false

        (Get-TestSimulatorStats $simulator).liveTokens | Should -Be $before
        $tokens.Load('10450') | Should -BeNullOrEmpty
    }

    It 'does nothing when nothing is stored' {
        { Remove-HostawayCredential -ErrorAction Stop } | Should -Not -Throw
    }

    It 'removes a credential file others can read (removing it leaks nothing)' -Skip:$IsWindows {
        Set-HostawayCredential -Credential $credential
        & chmod 644 $credentialPath
        Remove-HostawayCredential -Confirm:$false
        Test-Path -LiteralPath $credentialPath | Should -BeFalse
    }

    It 'without a stored credential, commands that talk to the API stop with HostawayCredentialsMissing, which names Set-HostawayCredential' {
        $failure = { Test-HostawaySync -DatabasePath (Join-Path $folder 'h.db') -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayCredentialsMissing,*' -PassThru
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Set-HostawayCredential'
    }
}
