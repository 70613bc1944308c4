# Get-HostawayListing over a synced account, on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
}

Describe 'Get-HostawayListing on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        $account = New-SyncedTestAccount -Seed 11 -Size small -Store $Store
        $db = $account.Store.Splat
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll { Remove-SyncedTestAccount $account }

    It 'returns every live listing as a typed object, tagged with its database' {
        $listings = Get-HostawayListing @db
        $listings[0] | Should -BeOfType 'HostawaySync.Output.HostawayListing'
        $listings.Count | Should -Be $account.Counts.listings
        $listings[0].DatabasePath | Should -Be $account.Store.Path
        $listings[0].DatabaseUrl | Should -Be $(if ($Store -eq 'PostgreSQL') { $account.Store.Display } else { $null })
        (Get-Command Get-HostawayListing).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawayListing'
    }

    It 'filters by name with wildcards, ignoring case' {
        $plain = Get-HostawayListing @db | Where-Object { $_.Name -match '^[A-Za-z]{4}' } | Select-Object -First 1
        $found = Get-HostawayListing @db -Name ($plain.Name.Substring(0, 4).ToUpperInvariant() + '*')
        $found.ListingId | Should -Contain $plain.ListingId
        $found | ForEach-Object { $_.Name.Substring(0, 4) | Should -Be $plain.Name.Substring(0, 4) }
        Get-HostawayListing @db -Name 'no listing is called this*' | Should -BeNullOrEmpty
    }

    It 'takes listing ids from the pipeline by property name' {
        $ids = (Get-HostawayListing @db | Select-Object -First 2).ListingId
        ($ids | ForEach-Object { [pscustomobject]@{ ListingId = $_ } } | Get-HostawayListing @db).ListingId | Should -Be $ids
    }

    It 'exports to CSV as flat columns, without the hidden DatabasePath and DatabaseUrl' {
        $listings = Get-HostawayListing @db
        Test-FlatCsv $listings $account.Folder | Should -BeTrue
        ($listings | ConvertTo-Csv)[0] | Should -Not -Match 'DatabasePath|DatabaseUrl'
    }

    It 'a place without a database stops with HostawayDatabaseNotFound' {
        $missing = Get-TestMissingStoreSplat $account.Store
        { Get-HostawayListing @missing -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayDatabaseNotFound,HostawaySync.Commands.GetHostawayListingCommand'
    }
}

Describe 'Get-HostawayListing: choosing the store' {
    BeforeAll { $folder = New-TestFolder }
    AfterAll { Remove-TestFolder $folder }

    It '-DatabasePath and -DatabaseUrl together stop with HostawayConfigurationInvalid' {
        $failure = { Get-HostawayListing -DatabasePath (Join-Path $folder 'a.db') -DatabaseUrl 'postgresql://u@127.0.0.1:1/d' -ErrorAction Stop } |
            Should -Throw -ErrorId 'HostawayConfigurationInvalid,HostawaySync.Commands.GetHostawayListingCommand' -PassThru
        $failure.ErrorDetails.RecommendedAction | Should -Match '-DatabasePath.*-DatabaseUrl'
        Join-Path $folder 'a.db' | Should -Not -Exist
    }

    It 'an empty -DatabasePath or -DatabaseUrl is a parameter validation error' {
        { Get-HostawayListing -DatabasePath '' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,HostawaySync.Commands.GetHostawayListingCommand'
        { Get-HostawayListing -DatabaseUrl ' ' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,HostawaySync.Commands.GetHostawayListingCommand'
    }

    It 'an unreadable -DatabaseUrl stops with HostawayConfigurationInvalid without quoting it' {
        $failure = { Get-HostawayListing -DatabaseUrl 'postgresql://u:Sekr1t-pw@127.0.0.1:notaport/d' -ErrorAction Stop } |
            Should -Throw -ErrorId 'HostawayConfigurationInvalid,HostawaySync.Commands.GetHostawayListingCommand' -PassThru
        Get-ErrorRecordText $failure | Should -Not -Match 'Sekr1t-pw'
    }
}
