using System.Management.Automation;

namespace HostawaySync.Output;

/// <summary>What Get-HostawayListing returns: a stored listing, with flat, CSV-friendly columns.</summary>
public sealed class HostawayListing : IStoredObject
{
    /// <inheritdoc />
    [Hidden]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    [Hidden]
    public string? DatabaseUrl { get; set; }

    /// <summary>Hostaway listing id.</summary>
    public long ListingId { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Internal name.</summary>
    public string? InternalName { get; init; }

    /// <summary>Address.</summary>
    public string? Address { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>Country.</summary>
    public string? Country { get; init; }

    /// <summary>Bedrooms.</summary>
    public int? Bedrooms { get; init; }

    /// <summary>Bathrooms.</summary>
    public double? Bathrooms { get; init; }

    /// <summary>Maximum guests.</summary>
    public int? PersonCapacity { get; init; }

    /// <summary>Base price.</summary>
    public double? Price { get; init; }

    /// <summary>Currency.</summary>
    public string? CurrencyCode { get; init; }

    /// <summary>Time zone.</summary>
    public string? TimeZone { get; init; }

    /// <summary>archived or null.</summary>
    public string? SpecialStatus { get; init; }

    /// <summary>Photos (URLs stored in listing_photos).</summary>
    public int PhotoCount { get; init; }

    /// <summary>Last activity (UTC).</summary>
    public DateTime? LatestActivityOn { get; init; }

    /// <summary>When the API stopped listing it (UTC), or null.</summary>
    public DateTime? DeletedAt { get; init; }

    /// <summary>Live guest-to-host reviews of the listing that have a rating.</summary>
    public int ReviewCount { get; init; }

    /// <summary>Their average rating (0 to 10, 2 decimals); null when there are none.</summary>
    public double? AverageRating { get; init; }

    internal static HostawayListing From(HostawaySync.Engine.Queries.ListingRecord record) => new()
    {
        ListingId = record.ListingId,
        Name = record.Name,
        InternalName = record.InternalName,
        Address = record.Address,
        City = record.City,
        Country = record.Country,
        Bedrooms = record.Bedrooms,
        Bathrooms = record.Bathrooms,
        PersonCapacity = record.PersonCapacity,
        Price = record.Price,
        CurrencyCode = record.CurrencyCode,
        TimeZone = record.TimeZone,
        SpecialStatus = record.SpecialStatus,
        PhotoCount = record.PhotoCount,
        LatestActivityOn = record.LatestActivityOn,
        DeletedAt = record.DeletedAt,
        ReviewCount = record.ReviewCount,
        AverageRating = record.AverageRating,
    };
}
