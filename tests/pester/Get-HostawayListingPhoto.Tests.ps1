# Get-HostawayListingPhoto over a synced account, on SQLite and on PostgreSQL.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
}

Describe 'Get-HostawayListingPhoto on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        $account = New-SyncedTestAccount -Seed 16 -Store $Store
        $database = $account.Store.Splat
        $truth = @(Invoke-RestMethod "$($account.Simulator.ControlUrl)truth?resource=listings") | ForEach-Object { $_ }
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll { Remove-SyncedTestAccount $account }

    It 'returns every photo of the API as a typed object, with its URL and captions' {
        $photos = Get-HostawayListingPhoto @database
        $photos[0] | Should -BeOfType 'HostawaySync.Output.HostawayListingPhoto'
        $expected = $truth | ForEach-Object { $listing = $_; $_.listingImages | ForEach-Object { [pscustomobject]@{ Id = [long]$_.id; ListingId = [long]$listing.id; Url = $_.url; Caption = $_.caption } } }
        $photos.Count | Should -Be @($expected).Count
        foreach ($photo in $expected | Select-Object -First 25) {
            $stored = $photos | Where-Object PhotoId -EQ $photo.Id
            $stored.ListingId | Should -Be $photo.ListingId
            $stored.Url | Should -BeExactly $photo.Url
            $stored.Caption | Should -BeExactly $photo.Caption
        }
        (Get-Command Get-HostawayListingPhoto).OutputType.Name | Should -Contain 'HostawaySync.Output.HostawayListingPhoto'
    }

    It 'binds ListingId and the database from Get-HostawayListing output, in gallery order' {
        $listing = Get-HostawayListing @database | Where-Object PhotoCount -GT 1 | Select-Object -First 1
        $photos = $listing | Get-HostawayListingPhoto
        $photos.ListingId | Sort-Object -Unique | Should -Be $listing.ListingId
        $photos.Count | Should -Be $listing.PhotoCount
        $photos.SortOrder | Should -Be ($photos.SortOrder | Sort-Object)
    }

    It 'filters by listing name with wildcards and by photo id' {
        $listing = Get-HostawayListing @database | Where-Object { $_.PhotoCount -gt 0 -and $_.Name -match '^[A-Za-z ]+$' } | Select-Object -First 1
        $byName = Get-HostawayListingPhoto @database -ListingName ($listing.Name.Substring(0, [Math]::Min(8, $listing.Name.Length)) + '*')
        $byName.ListingId | Should -Contain $listing.ListingId
        $one = $byName | Select-Object -First 1
        (Get-HostawayListingPhoto @database -PhotoId $one.PhotoId).Url | Should -BeExactly $one.Url
    }

    It 'completes listing ids from the database, also from a part of the name' {
        $listing = Get-HostawayListing @database | Where-Object { $_.Name -match '^[A-Za-z]{4}' } | Select-Object -First 1
        $named = $database.GetEnumerator() | ForEach-Object { "-$($_.Key) '$($_.Value)'" }
        $line = "Get-HostawayListingPhoto $named -ListingId $($listing.Name.Substring(0, 4))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain ([string]$listing.ListingId)
        $line = "Get-HostawayListingPhoto $named -ListingName $($listing.Name.Substring(0, 4))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.ListItemText | Should -Contain $listing.Name
    }

    It 'stops with HostawayDatabaseNotFound when there is no database' {
        $missing = Get-TestMissingStoreSplat $account.Store
        { Get-HostawayListingPhoto @missing } | Should -Throw -ErrorId 'HostawayDatabaseNotFound*'
    }

    It 'exports to CSV as flat columns, without the hidden DatabasePath and DatabaseUrl' {
        $photos = Get-HostawayListingPhoto @database | Select-Object -First 20
        Test-FlatCsv $photos $account.Folder | Should -BeTrue
        ($photos | ConvertTo-Csv)[0] | Should -Not -Match 'DatabasePath|DatabaseUrl'
    }
}
