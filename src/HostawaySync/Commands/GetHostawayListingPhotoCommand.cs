using System.Management.Automation;
using HostawaySync.Engine.Queries;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets listing photo URLs and metadata from the local database.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "HostawayListingPhoto")]
[OutputType(typeof(HostawayListingPhoto))]
public sealed class GetHostawayListingPhotoCommand : StoreQueryCmdlet
{
    /// <summary>Only the photos of these listings (binds from Get-HostawayListing and Get-HostawayReservation output).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ListingCompleter))]
    public long[]? ListingId { get; set; }

    /// <summary>Only the photos of listings with these names; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ListingCompleter))]
    public string[]? ListingName { get; set; }

    /// <summary>Photo ids.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? PhotoId { get; set; }

    /// <summary>Also the photos of listings the API no longer has (they are kept).</summary>
    [Parameter]
    public SwitchParameter IncludeDeleted { get; set; }

    /// <summary>The SQLite database. Default: the store the settings choose (see Get-HostawayConfiguration); binds from the output of the Get-Hostaway cmdlets.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabasePath { get; set; }

    /// <summary>A PostgreSQL database instead: postgresql://user@host:port/database?schema=name or Host=...;Database=... (binds from the output of the Get-Hostaway cmdlets).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabaseUrl { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var store = ResolveStore(DatabasePath, DatabaseUrl);
        var filter = new ListingPhotoFilter(PhotoId, ListingId, ListingName, IncludeDeleted);
        WriteRecords(store, StoreReader.ListingPhotos(store, filter), p => p.PhotoId, HostawayListingPhoto.From);
    }
}
