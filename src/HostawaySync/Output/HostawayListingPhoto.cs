using System.Management.Automation;
using HostawaySync.Engine.Queries;

namespace HostawaySync.Output;

/// <summary>What Get-HostawayListingPhoto returns: one listing photo's URL and metadata, with flat, CSV-friendly columns.</summary>
public sealed class HostawayListingPhoto : IStoredObject
{
    /// <inheritdoc />
    [Hidden]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    [Hidden]
    public string? DatabaseUrl { get; set; }

    /// <summary>Hostaway listing image id.</summary>
    public long PhotoId { get; init; }

    /// <summary>The listing.</summary>
    public long ListingId { get; init; }

    /// <summary>The listing's name.</summary>
    public string? ListingName { get; init; }

    /// <summary>Position in the listing's gallery.</summary>
    public int? SortOrder { get; init; }

    /// <summary>The image URL (the photo itself is never downloaded).</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>Caption.</summary>
    public string? Caption { get; init; }

    /// <summary>Caption shown on Airbnb.</summary>
    public string? AirbnbCaption { get; init; }

    /// <summary>Caption shown on Vrbo.</summary>
    public string? VrboCaption { get; init; }

    /// <summary>Caption shown in the booking engine.</summary>
    public string? BookingEngineCaption { get; init; }

    /// <summary>When the listing was marked deleted (UTC); its photos are kept.</summary>
    public DateTime? ListingDeletedAt { get; init; }

    /// <summary>When the row last changed (UTC).</summary>
    public DateTime? UpdatedAt { get; init; }

    internal static HostawayListingPhoto From(ListingPhotoRecord record) => new()
    {
        PhotoId = record.PhotoId,
        ListingId = record.ListingId,
        ListingName = record.ListingName,
        SortOrder = record.SortOrder,
        Url = record.Url,
        Caption = record.Caption,
        AirbnbCaption = record.AirbnbCaption,
        VrboCaption = record.VrboCaption,
        BookingEngineCaption = record.BookingEngineCaption,
        ListingDeletedAt = record.ListingDeletedAt,
        UpdatedAt = record.UpdatedAt,
    };
}
