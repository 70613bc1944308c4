@{
    # The one version source: build.ps1 reads ModuleVersion from here and stamps the assemblies with it.
    RootModule           = 'HostawaySync.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '22f2520b-208d-4983-bbec-da28fa196b09'
    Author               = 'HostawaySync contributors'
    CompanyName          = 'HostawaySync'
    Copyright            = '(c) HostawaySync contributors. MIT License.'
    Description          = 'Keeps a local SQLite copy of a Hostaway account (listings, reservations, guests, conversations and messages) for analysis, reporting and AI training.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('HostawaySync.Format.ps1xml')
    CmdletsToExport      = @(
        'Initialize-HostawayDatabase'
        'Invoke-HostawaySync'
        'Get-HostawaySyncLog'
        'Get-HostawayListing'
        'Get-HostawayReservation'
        'Get-HostawayGuest'
        'Get-HostawayConversation'
        'Get-HostawayMessage'
        'Get-HostawayListingPhoto'
        'Get-HostawayReview'
        'Sync-HostawayListing'
        'Sync-HostawayReservation'
        'Sync-HostawayConversation'
        'Sync-HostawayReview'
        'Test-HostawaySync'
        'Get-HostawayConfiguration'
        'Set-HostawayConfiguration'
        'Export-HostawayTrainingData'
        'Search-HostawayMessage'
        'Search-HostawayReview'
        'Copy-HostawayDatabase'
        'Set-HostawayCredential'
        'Get-HostawayCredential'
        'Remove-HostawayCredential'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Hostaway', 'SQLite', 'Sync', 'VacationRental', 'PropertyManagement', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
