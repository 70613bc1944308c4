# Set-HostawayCredential: the stored credential in a temporary configuration folder (never the user's profile), its modes,
# -WhatIf, the prompt in a non-interactive session, a sync in a fresh process that uses it (and refuses it when the file is
# group-readable), and the SecretManagement vault path with a fake module (the real one is not installed here).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Get-HostawayModuleManifest
    Import-Module $manifest -Force
    $variables = 'HOSTAWAY_CONFIG_PATH', 'HOSTAWAY_ACCOUNT_ID', 'HOSTAWAY_API_KEY', 'HOSTAWAY_BASE_URL', 'HOSTAWAY_REQUESTS_PER_10S', 'HOSTAWAY_DATABASE_PATH',
        'HOSTAWAY_DATABASE_URL', 'HOSTAWAY_CONVERSATIONS_PATH', 'PSModulePath'
    $saved = @{}; foreach ($name in $variables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $secret = 'stored-secret-5f0c2a9e'
    $credential = [pscredential]::new('10450', (ConvertTo-SecureString $secret -AsPlainText -Force))
}
AfterAll { foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }

Describe 'Set-HostawayCredential' {
    BeforeEach {
        $folder = New-TestFolder
        $null = Reset-TestConfiguration ($variables -ne 'PSModulePath') $folder
        $credentialPath = Join-Path $folder 'config/credential.json'
    }
    AfterEach { Remove-TestFolder $folder }

    It 'stores the credential next to the configuration file, owner-only, and -WhatIf stores nothing' {
        Set-HostawayCredential -Credential $credential -WhatIf
        Test-Path -LiteralPath $credentialPath | Should -BeFalse

        $stored = Set-HostawayCredential -Credential $credential -PassThru
        $stored | Should -BeOfType 'HostawaySync.Output.HostawayStoredCredential'
        $stored.AccountId | Should -Be '10450'
        $stored.StoredIn | Should -Be 'File'
        $stored.Path | Should -Be $credentialPath
        Test-Path -LiteralPath $credentialPath | Should -BeTrue
        if (-not $IsWindows) {
            (Get-Item -LiteralPath $credentialPath).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')
            (Get-Item -LiteralPath (Split-Path $credentialPath)).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
            $stored.Protection | Should -Be 'FileMode'
        }
        else { $stored.Protection | Should -Be 'DPAPI' }
        ($stored | Format-List * | Out-String) | Should -Not -Match $secret
    }

    It 'replacing the credential forgets the access token kept for the old one' {
        $simulator = Start-TestSimulator -Seed 9
        $env:HOSTAWAY_BASE_URL = $simulator.BaseUrl # revoking the kept token talks to the API: the simulator's
        try {
            Set-HostawayCredential -Credential $credential
            $tokens = New-TestAccessTokenStore (Split-Path $credentialPath)
            $tokens.Save('10450', 'kept-token')
            Set-HostawayCredential -Credential ([pscredential]::new('10451', (ConvertTo-SecureString 'other' -AsPlainText -Force))) -Confirm:$false
            $tokens.Load('10450') | Should -BeNullOrEmpty
            (Get-HostawayCredential).AccountId | Should -Be '10451'
        }
        finally { Stop-TestSimulator $simulator }
    }

    It 'refuses a credential without a secret' {
        $empty = [pscredential]::new('10450', [securestring]::new())
        { Set-HostawayCredential -Credential $empty } | Should -Throw -ErrorId 'HostawayCredentialsMissing,HostawaySync.Commands.SetHostawayCredentialCommand'
    }

    It 'without -Credential in a non-interactive session fails at once with HostawayCredentialsMissing instead of waiting for input' {
        $script = "Import-Module '$manifest'; try { Set-HostawayCredential -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; exit 3 }"
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $run = Invoke-ChildPwsh -Script $script -Environment @{ HOSTAWAY_CONFIG_PATH = $env:HOSTAWAY_CONFIG_PATH } -TimeoutSeconds 60
        $run.ExitCode | Should -Be 3 -Because "$($run.Output) $($run.Error)"
        $run.Output | Should -Match 'HostawayCredentialsMissing,HostawaySync.Commands.SetHostawayCredentialCommand'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
        Test-Path -LiteralPath $credentialPath | Should -BeFalse
    }
}

Describe 'A sync in a fresh process that uses the stored credential' {
    BeforeAll {
        $simulator = Start-TestSimulator -Seed 7
    }
    AfterAll { Stop-TestSimulator $simulator }
    BeforeEach {
        $folder = New-TestFolder
        $null = Reset-TestConfiguration ($variables -ne 'PSModulePath') $folder
        $credentialPath = Join-Path $folder 'config/credential.json'
        Set-HostawayCredential -Credential (New-TestCredential $simulator)
        $environment = @{ HOSTAWAY_CONFIG_PATH = $env:HOSTAWAY_CONFIG_PATH; HOSTAWAY_ACCOUNT_ID = $null; HOSTAWAY_API_KEY = $null
            HOSTAWAY_BASE_URL = $simulator.BaseUrl; HOSTAWAY_REQUESTS_PER_10S = '1000' }
        $script = "Import-Module '$manifest'; try { `$r = Invoke-HostawaySync -DatabasePath '$folder/h.db' -ConversationsPath '$folder/c' -Resource Listings -ErrorAction Stop; 'STATUS ' + `$r.Status } " +
            "catch { 'ERROR ' + `$_.FullyQualifiedErrorId; 'ACTION ' + `$_.ErrorDetails.RecommendedAction; exit 3 }"
    }
    AfterEach { Remove-TestFolder $folder }

    It 'succeeds with no HOSTAWAY_ACCOUNT_ID or HOSTAWAY_API_KEY in its environment' {
        $run = Invoke-ChildPwsh -Script $script -Environment $environment
        $run.ExitCode | Should -Be 0 -Because "$($run.Output) $($run.Error)"
        $run.Output | Should -Match 'STATUS Succeeded'
        $run.Output + $run.Error | Should -Not -Match $simulator.Secret
    }

    It 'is refused with HostawaySecretFileShared, and the chmod that fixes it, when the credential file is group-readable (chmod 640)' -Skip:$IsWindows {
        & chmod 640 $credentialPath
        $before = (Get-TestSimulatorStats $simulator).requests
        $run = Invoke-ChildPwsh -Script $script -Environment $environment
        $run.ExitCode | Should -Be 3 -Because "$($run.Output) $($run.Error)"
        $run.Output | Should -Match 'ERROR HostawaySecretFileShared,HostawaySync.Commands.InvokeHostawaySyncCommand'
        $run.Output | Should -Match ([regex]::Escape("ACTION Make it readable by you only: chmod 600 '$credentialPath'"))
        (Get-TestSimulatorStats $simulator).requests | Should -Be $before
        Test-Path -LiteralPath "$folder/h.db" | Should -BeFalse

        & chmod 600 $credentialPath
        (Invoke-ChildPwsh -Script $script -Environment $environment).ExitCode | Should -Be 0
    }

    It 'the environment variables come before the stored credential' {
        $environment.HOSTAWAY_ACCOUNT_ID = $simulator.AccountId
        $environment.HOSTAWAY_API_KEY = 'wrong-secret-from-the-environment'
        $run = Invoke-ChildPwsh -Script $script -Environment $environment
        $run.Output | Should -Match 'ERROR HostawayAuthFailed'
    }
}

Describe 'Set-HostawayCredential -Vault' {
    BeforeEach {
        $folder = New-TestFolder
        $null = Reset-TestConfiguration ($variables -ne 'PSModulePath') $folder
        $credentialPath = Join-Path $folder 'config/credential.json'
    }
    AfterEach { Remove-TestFolder $folder; $env:PSModulePath = $saved.PSModulePath }

    It 'stops with HostawaySecretManagementMissing, storing nothing, when Microsoft.PowerShell.SecretManagement is not installed' {
        Get-Module Microsoft.PowerShell.SecretManagement | Remove-Module -Force
        if (Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement) { Set-ItResult -Skipped -Because 'the real SecretManagement module is installed here' }
        $failure = { Set-HostawayCredential -Credential $credential -Vault SecretStore } |
            Should -Throw -ErrorId 'HostawaySecretManagementMissing,HostawaySync.Commands.SetHostawayCredentialCommand' -PassThru
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Install-PSResource Microsoft.PowerShell.SecretManagement'
        Test-Path -LiteralPath $credentialPath | Should -BeFalse
    }

    It 'keeps the secret in the vault through Set-Secret and only the vault name in the file; syncs read it back with Get-Secret; Remove-Secret on removal' {
        $modules = Join-Path $folder 'modules'
        $fake = New-Item -ItemType Directory -Path (Join-Path $modules 'Microsoft.PowerShell.SecretManagement')
        Set-Content -LiteralPath (Join-Path $fake 'Microsoft.PowerShell.SecretManagement.psm1') -Value @'
$script:Secrets = @{}
function Get-SecretVault { [pscustomobject]@{ Name = 'FakeVault'; ModuleName = 'Fake' } }
function Set-Secret { param([string] $Name, [object] $Secret, [string] $Vault) $script:Secrets["$Vault/$Name"] = $Secret }
function Get-Secret { param([string] $Name, [string] $Vault) if (-not $script:Secrets.ContainsKey("$Vault/$Name")) { throw "Get-Secret: no secret '$Name' in '$Vault'." }; $script:Secrets["$Vault/$Name"] }
function Remove-Secret { param([string] $Name, [string] $Vault) $script:Secrets.Remove("$Vault/$Name") }
function Get-FakeSecrets { $script:Secrets }
'@
        $env:PSModulePath = $modules + [IO.Path]::PathSeparator + $saved.PSModulePath
        try {
            Set-HostawayCredential -Credential $credential -Vault FakeVault
            $secrets = Get-FakeSecrets
            $secrets['FakeVault/HostawaySync-10450'] | Should -BeOfType [securestring]
            [Net.NetworkCredential]::new('', $secrets['FakeVault/HostawaySync-10450']).Password | Should -Be $secret
            Get-Content -Raw -LiteralPath $credentialPath | Should -Not -Match $secret
            $stored = Get-HostawayCredential
            $stored.StoredIn | Should -Be 'Vault'
            $stored.Vault | Should -Be 'FakeVault'
            $stored.Protection | Should -Be 'Vault'
            (Get-HostawayConfiguration Credential).Value | Should -Be "account 10450 in the vault 'FakeVault'"

            # A command that talks to the API reads the secret with Get-Secret: the wrong base URL fails after that, not before.
            $env:HOSTAWAY_BASE_URL = 'http://127.0.0.1:9/'
            $env:HOSTAWAY_REQUESTS_PER_10S = '1000'
            $secrets.Clear()
            { Test-HostawaySync -DatabasePath (Join-Path $folder 'h.db') -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayStoredCredentialUnreadable,*'

            # Moving the credential from the vault to the file removes the secret from the vault.
            Set-HostawayCredential -Credential $credential -Vault FakeVault
            Set-HostawayCredential -Credential $credential
            (Get-FakeSecrets).Count | Should -Be 0
            (Get-HostawayCredential).StoredIn | Should -Be 'File'

            Set-HostawayCredential -Credential $credential -Vault FakeVault
            Remove-HostawayCredential -WhatIf
            (Get-FakeSecrets).Count | Should -Be 1
            Remove-HostawayCredential -Confirm:$false
            (Get-FakeSecrets).Count | Should -Be 0
            Test-Path -LiteralPath $credentialPath | Should -BeFalse
        }
        finally { Get-Module Microsoft.PowerShell.SecretManagement | Remove-Module -Force }
    }
}
