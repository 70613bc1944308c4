# The auto request budget through the cmdlets, against the simulator enforcing the documented limits (15 per 10 s per IP,
# 20 per account; loopback, real time): the first sync finds the limit with one 429 and stores it; Get-HostawayConfiguration,
# -WhatIf, the run's result and the sync log show it; the next run starts there with none. SQLite, in a temporary folder.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Get-HostawayModuleManifest
    Import-Module $manifest -Force
    $simulator = Start-TestSimulator -Seed 16
    Set-TestSimulatorSettings $simulator @{ accountRequestsPer10Seconds = 20; ipRequestsPer10Seconds = 15 }
    $saved = @{}
    foreach ($name in 'HOSTAWAY_BASE_URL', 'HOSTAWAY_REQUESTS_PER_10S', 'HOSTAWAY_CONFIG_PATH', 'HOSTAWAY_DATABASE_PATH') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $folder = New-TestFolder
    $env:HOSTAWAY_BASE_URL = $simulator.BaseUrl
    $env:HOSTAWAY_REQUESTS_PER_10S = $null
    $env:HOSTAWAY_CONFIG_PATH = Join-Path $folder 'config.json'
    $env:HOSTAWAY_DATABASE_PATH = Join-Path $folder 'hostaway.db'
    $sync = @{ ConversationsPath = (Join-Path $folder 'conversations'); Credential = (New-TestCredential $simulator) }
    # What -WhatIf prints, from a fresh pwsh (the host writes it, not a stream), with this file's environment.
    function Get-WhatIf([string] $Arguments = '') {
        $run = Invoke-ChildPwsh -Script "Import-Module '$manifest'; Invoke-HostawaySync -ConversationsPath '$($sync.ConversationsPath)' $Arguments -WhatIf"
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output -replace '\s+', ' '
    }
}

AfterAll {
    foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    Stop-TestSimulator $simulator
    Remove-TestFolder $folder
}

Describe 'The auto request budget' {
    It 'starts at the lowest published limit before any run, and says how a run will find the limit' {
        (Get-HostawayConfiguration RequestsPer10Seconds).Value | Should -BeExactly 'auto'
        (Get-HostawayConfiguration RateLimit).Value | Should -BeExactly 'auto: 14 per 10 s until found'
        Get-WhatIf | Should -BeLike '*paced at 190 requests per 10 s if the account allows the published 200, 14 if it allows 15 (auto: the run finds the account*'
    }

    It 'finds the limit in the first sync with one 429 and stores it; the next run starts there with none' {
        $first = Invoke-HostawaySync @sync
        $first.Status | Should -Be 'Succeeded'
        $first.RateLimited | Should -Be 1
        (Get-TestSimulatorStats $simulator).rateLimited | Should -Be 1
        $first.RequestsPer10Seconds | Should -Be 14
        $first.RateLimitSource | Should -Be 'Discovered'
        $first.RateLimit | Should -BeLike '15 per 10 s (ip limit named by a 429 on *'

        $row = Get-HostawayConfiguration RateLimit
        $row.Value | Should -BeExactly 'auto: 14 per 10 s'
        $row.Source | Should -Be 'Stored'
        $row.Description | Should -BeLike '*15 per 10 s (ip limit named by a 429*looks again for a higher one*'
        $run = Get-HostawaySyncLog -Resource Run -Last 1
        ($run.RequestsPer10Seconds, $run.RateLimitSource, $run.RateLimited) | Should -Be @(14, 'Discovered', 1)
        $run.RequestsPerSecond | Should -BeGreaterThan 0

        # -WhatIf estimates with the stored limit.
        Get-WhatIf | Should -BeLike '*at 14 requests per 10 s (auto: 15 per 10 s (ip limit named by a 429*'
        Get-WhatIf '-RequestsPer10Seconds 9' | Should -BeLike '*at 9 requests per 10 s (RequestsPer10Seconds)*'

        $before = (Get-TestSimulatorStats $simulator).rateLimited
        $next = Invoke-HostawaySync @sync -Full
        $next.Status | Should -Be 'Succeeded'
        $next.RateLimited | Should -Be 0
        (Get-TestSimulatorStats $simulator).rateLimited | Should -Be $before
        ($next.RequestsPer10Seconds, $next.RateLimitSource) | Should -Be @(14, 'Stored')
    }

    It 'a set budget is obeyed exactly and the stored limit is not used' {
        $set = Invoke-HostawaySync @sync -RequestsPer10Seconds 9 -Full -Resource Listings
        $set.Status | Should -Be 'Succeeded'
        ($set.RequestsPer10Seconds, $set.RateLimitSource) | Should -Be @(9, 'Setting')
        $set.RateLimit | Should -BeNullOrEmpty
        $set.RateLimited | Should -Be 0
        (Get-HostawaySyncLog -Resource Run -Last 1).RateLimitSource | Should -Be 'Setting'
        { Invoke-HostawaySync @sync -RequestsPer10Seconds 1001 -WhatIf } | Should -Throw -ErrorId 'HostawayConfigurationInvalid*'
    }
}
