BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $account = New-SyncedTestAccount -Seed 11 -Size small
    $db = @{ DatabasePath = $account.DatabasePath }
}
AfterAll { Remove-SyncedTestAccount $account }

Describe 'Get-HostawayListing' {
    It 'returns every live listing as a typed object' {
        $listings = Get-HostawayListing @db
        $listings[0] | Should -BeOfType 'HostawaySync.Output.HostawayListing'
        $listings.Count | Should -Be $account.Counts.listings
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

    It 'exports to CSV as flat columns' {
        Test-FlatCsv (Get-HostawayListing @db) $account.Folder | Should -BeTrue
    }

    It 'a path without a database stops with HostawayDatabaseNotFound' {
        { Get-HostawayListing -DatabasePath (Join-Path $account.Folder 'none.db') -ErrorAction Stop } | Should -Throw -ErrorId 'HostawayDatabaseNotFound,HostawaySync.Commands.GetHostawayListingCommand'
    }
}
