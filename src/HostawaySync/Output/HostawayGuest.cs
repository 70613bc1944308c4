using System.Management.Automation;

namespace HostawaySync.Output;

/// <summary>What Get-HostawayGuest returns: one person across their reservations, with flat, CSV-friendly columns.</summary>
public sealed class HostawayGuest : IStoredObject
{
    /// <inheritdoc />
    [Hidden]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    [Hidden]
    public string? DatabaseUrl { get; set; }

    /// <summary>Guest id (stable).</summary>
    public long GuestId { get; init; }

    /// <summary>Name from the latest stay.</summary>
    public string? FullName { get; init; }

    /// <summary>Normalized email.</summary>
    public string? Email { get; init; }

    /// <summary>Phone.</summary>
    public string? Phone { get; init; }

    /// <summary>Channel guest account id.</summary>
    public string? ExternalAccountId { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>Country.</summary>
    public string? Country { get; init; }

    /// <summary>Live reservations.</summary>
    public int ReservationCount { get; init; }

    /// <summary>First arrival.</summary>
    public DateTime? FirstArrivalDate { get; init; }

    /// <summary>Latest arrival.</summary>
    public DateTime? LastArrivalDate { get; init; }

    /// <summary>Live guest-to-host reviews of the guest's reservations that have a rating: the stays the guest rated.</summary>
    public int ReviewCount { get; init; }

    /// <summary>Their average rating (0 to 10, 2 decimals); null when there are none.</summary>
    public double? AverageRating { get; init; }

    internal static HostawayGuest From(HostawaySync.Engine.Queries.GuestRecord record) => new()
    {
        GuestId = record.GuestId,
        FullName = record.FullName,
        Email = record.Email,
        Phone = record.Phone,
        ExternalAccountId = record.ExternalAccountId,
        City = record.City,
        Country = record.Country,
        ReservationCount = record.ReservationCount,
        FirstArrivalDate = record.FirstArrivalDate,
        LastArrivalDate = record.LastArrivalDate,
        ReviewCount = record.ReviewCount,
        AverageRating = record.AverageRating,
    };
}
