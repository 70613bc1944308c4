# Remove-HostawayCredential: -WhatIf removes nothing; removing deletes the file and the access token kept for the account.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $variables = 'HOSTAWAY_CONFIG_PATH', 'HOSTAWAY_ACCOUNT_ID', 'HOSTAWAY_API_KEY'
    $saved = @{}; foreach ($name in $variables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $credential = [pscredential]::new('10450', (ConvertTo-SecureString 'stored-secret-1c9a' -AsPlainText -Force))
}
AfterAll { foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }

Describe 'Remove-HostawayCredential' {
    BeforeEach {
        $folder = New-TestFolder
        $null = Reset-TestConfiguration $variables $folder
        $credentialPath = Join-Path $folder 'config/credential.json'
        $tokens = New-TestAccessTokenStore (Split-Path $credentialPath)
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
