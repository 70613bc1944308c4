# Get-HostawayCredential: what is stored, where, since when and whether it is in effect; never the secret. Also the
# Credential row of Get-HostawayConfiguration. A temporary configuration folder only.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $variables = 'HOSTAWAY_CONFIG_PATH', 'HOSTAWAY_ACCOUNT_ID', 'HOSTAWAY_API_KEY'
    $saved = @{}; foreach ($name in $variables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $secret = 'stored-secret-77e1b4d0'
    $credential = [pscredential]::new('10450', (ConvertTo-SecureString $secret -AsPlainText -Force))
}
AfterAll { foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }

Describe 'Get-HostawayCredential' {
    BeforeEach {
        $folder = New-TestFolder
        $null = Reset-TestConfiguration $variables $folder
        $credentialPath = Join-Path $folder 'config/credential.json'
    }
    AfterEach { Remove-TestFolder $folder }

    It 'returns nothing when nothing is stored, and the configuration says where the credential would come from' {
        Get-HostawayCredential | Should -BeNullOrEmpty
        $row = Get-HostawayConfiguration Credential
        $row.Source | Should -Be 'None'
        $env:HOSTAWAY_ACCOUNT_ID = '777'; $env:HOSTAWAY_API_KEY = 'environment-secret'
        $row = Get-HostawayConfiguration Credential
        $row.Source | Should -Be 'Environment'
        $row.Value | Should -Be 'account 777 from HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY'
        ($row | Format-List * | Out-String) | Should -Not -Match 'environment-secret'
    }

    It 'shows the account id, where it is kept and when it was set, never the secret' {
        $before = [datetime]::UtcNow.AddSeconds(-1)
        Set-HostawayCredential -Credential $credential
        $stored = Get-HostawayCredential
        $stored | Should -BeOfType 'HostawaySync.Output.HostawayStoredCredential'
        $stored.AccountId | Should -Be '10450'
        $stored.StoredIn | Should -Be 'File'
        $stored.Path | Should -Be $credentialPath
        $stored.SetAt | Should -BeGreaterThan $before
        $stored.InEffect | Should -BeTrue
        $stored.ResolutionOrder | Should -Match '^-Credential, then HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY, then the stored credential'
        foreach ($text in ($stored | Out-String), ($stored | Format-List * | Out-String), ($stored | ConvertTo-Json), ((Get-HostawayConfiguration) | Format-List * | Out-String)) {
            $text | Should -Not -Match $secret
        }
        (Get-HostawayConfiguration Credential).Source | Should -Be 'Stored'
        (Get-HostawayConfiguration Credential).Value | Should -Be "account 10450 in '$credentialPath'"
        (Get-Command Get-HostawayCredential).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawayStoredCredential'
    }

    It 'says the stored credential is not in effect while the environment variables are set' {
        Set-HostawayCredential -Credential $credential
        $env:HOSTAWAY_ACCOUNT_ID = '777'; $env:HOSTAWAY_API_KEY = 'environment-secret'
        (Get-HostawayCredential).InEffect | Should -BeFalse
        (Get-HostawayConfiguration Credential).Source | Should -Be 'Environment'
    }

    It 'stops with HostawaySecretFileShared when the credential file is group-readable' -Skip:$IsWindows {
        Set-HostawayCredential -Credential $credential
        & chmod 640 $credentialPath
        $failure = { Get-HostawayCredential } | Should -Throw -ErrorId 'HostawaySecretFileShared,HostawaySync.Commands.GetHostawayCredentialCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'SecurityError'
        $failure.ErrorDetails.RecommendedAction | Should -Be "Make it readable by you only: chmod 600 '$credentialPath'"
        (Get-HostawayConfiguration Credential).Value | Should -Match '^refused \(HostawaySecretFileShared\)'
    }
}
