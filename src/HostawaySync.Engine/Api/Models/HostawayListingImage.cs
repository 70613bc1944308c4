using System.Text.Json;
using HostawaySync.Engine.Api.Json;

namespace HostawaySync.Engine.Api.Models;

/// <summary>One listing photo's URL and metadata.</summary>
public sealed class HostawayListingImage
{
    /// <summary>Image id.</summary>
    public required long Id { get; init; }

    /// <summary>The listing it belongs to.</summary>
    public required long ListingId { get; init; }

    /// <summary>Photo URL.</summary>
    public required string Url { get; init; }

    /// <summary>Caption.</summary>
    public string? Caption { get; init; }

    /// <summary>Airbnb caption.</summary>
    public string? AirbnbCaption { get; init; }

    /// <summary>Vrbo caption.</summary>
    public string? VrboCaption { get; init; }

    /// <summary>Booking engine caption (real data only).</summary>
    public string? BookingEngineCaption { get; init; }

    /// <summary>Position in the listing's gallery.</summary>
    public int? SortOrder { get; init; }

    /// <summary>The object exactly as the API sent it.</summary>
    public required string RawJson { get; init; }

    internal static HostawayListingImage FromJson(JsonElement json, long listingId) => new()
    {
        Id = RowId.Read(json, $"An image of listing {listingId}", "id"),
        ListingId = listingId,
        Url = json.String("url") ?? string.Empty,
        Caption = json.String("caption"),
        AirbnbCaption = json.String("airbnbCaption"),
        VrboCaption = json.String("vrboCaption"),
        BookingEngineCaption = json.String("bookingEngineCaption"),
        SortOrder = json.Int32("sortOrder"),
        RawJson = json.GetRawText(),
    };
}
