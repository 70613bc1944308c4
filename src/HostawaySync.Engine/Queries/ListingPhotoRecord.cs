namespace HostawaySync.Engine.Queries;

/// <summary>A stored listing photo: its URL and metadata (photos are never downloaded).</summary>
public sealed class ListingPhotoRecord
{
    /// <summary>Hostaway listing image id.</summary>
    public long PhotoId { get; init; }

    /// <summary>The listing.</summary>
    public long ListingId { get; init; }

    /// <summary>The listing's name.</summary>
    public string? ListingName { get; init; }

    /// <summary>Position in the listing's gallery.</summary>
    public int? SortOrder { get; init; }

    /// <summary>The image URL.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>Caption.</summary>
    public string? Caption { get; init; }

    /// <summary>Caption shown on Airbnb.</summary>
    public string? AirbnbCaption { get; init; }

    /// <summary>Caption shown on Vrbo.</summary>
    public string? VrboCaption { get; init; }

    /// <summary>Caption shown in the booking engine.</summary>
    public string? BookingEngineCaption { get; init; }

    /// <summary>When the listing was marked deleted , or null.</summary>
    public DateTime? ListingDeletedAt { get; init; }

    /// <summary>When the row last changed .</summary>
    public DateTime? UpdatedAt { get; init; }
}
