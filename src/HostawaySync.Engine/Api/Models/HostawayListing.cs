using System.Text.Json;
using HostawaySync.Engine.Api.Json;

namespace HostawaySync.Engine.Api.Models;

/// <summary>A listing as the API sent it: the fields users filter on, typed, plus the raw JSON.</summary>
public sealed class HostawayListing
{
    /// <summary>Hostaway listing id (called <c>listingMapId</c> on other objects).</summary>
    public required long Id { get; init; }

    /// <summary>Listing name.</summary>
    public string? Name { get; init; }

    /// <summary>Internal listing name.</summary>
    public string? InternalName { get; init; }

    /// <summary>Name shown on channels.</summary>
    public string? ExternalName { get; init; }

    /// <summary>Property type id.</summary>
    public long? PropertyTypeId { get; init; }

    /// <summary>Full address.</summary>
    public string? Address { get; init; }

    /// <summary>Street.</summary>
    public string? Street { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>State or region.</summary>
    public string? State { get; init; }

    /// <summary>Postal code (sent as a string).</summary>
    public string? Zipcode { get; init; }

    /// <summary>Country name.</summary>
    public string? Country { get; init; }

    /// <summary>ISO country code.</summary>
    public string? CountryCode { get; init; }

    /// <summary>Latitude.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude.</summary>
    public double? Longitude { get; init; }

    /// <summary>Maximum guests.</summary>
    public int? PersonCapacity { get; init; }

    /// <summary>Bedrooms.</summary>
    public int? Bedrooms { get; init; }

    /// <summary>Bathrooms (may be fractional).</summary>
    public double? Bathrooms { get; init; }

    /// <summary>Base nightly price.</summary>
    public decimal? Price { get; init; }

    /// <summary>Currency of the price.</summary>
    public string? CurrencyCode { get; init; }

    /// <summary>IANA time zone of the listing.</summary>
    public string? TimeZone { get; init; }

    /// <summary><c>archived</c> or null.</summary>
    public string? SpecialStatus { get; init; }

    /// <summary>When the listing was created (UTC).</summary>
    public DateTime? InsertedOn { get; init; }

    /// <summary>Last activity on the listing (UTC); the API's only change marker for listings.</summary>
    public DateTime? LatestActivityOn { get; init; }

    /// <summary>Photo URLs and metadata (never the photos themselves).</summary>
    public required IReadOnlyList<HostawayListingImage> Images { get; init; }

    /// <summary>The object exactly as the API sent it.</summary>
    public required string RawJson { get; init; }

    internal static HostawayListing FromJson(JsonElement json)
    {
        var id = RowId.Read(json, "A listing", "id");
        return new HostawayListing
        {
            Id = id,
            Name = json.String("name"),
            InternalName = json.String("internalListingName"),
            ExternalName = json.String("externalListingName"),
            PropertyTypeId = json.Int64("propertyTypeId"),
            Address = json.String("address"),
            Street = json.String("street"),
            City = json.String("city"),
            State = json.String("state"),
            Zipcode = json.String("zipcode"),
            Country = json.String("country"),
            CountryCode = json.String("countryCode"),
            Latitude = json.Double("lat"),
            Longitude = json.Double("lng"),
            PersonCapacity = json.Int32("personCapacity"),
            Bedrooms = json.Int32("bedroomsNumber"),
            Bathrooms = json.Double("bathroomsNumber"),
            Price = json.Decimal("price"),
            CurrencyCode = json.String("currencyCode"),
            TimeZone = json.String("timeZoneName"),
            SpecialStatus = json.NonEmpty("specialStatus"),
            InsertedOn = json.Timestamp("insertedOn"),
            LatestActivityOn = json.Timestamp("latestActivityOn"),
            // An image without a usable id cannot be stored and must not cost the listing: it is left out (the raw JSON keeps it).
            Images = json.Array("listingImages").Where(image => RowId.IsReadable(image, "id")).Select(image => HostawayListingImage.FromJson(image, id)).ToList(),
            RawJson = json.GetRawText(),
        };
    }
}
