namespace HostawaySync.Engine.Queries;

/// <summary>A guest: one person across their reservations.</summary>
public sealed class GuestRecord
{
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

    /// <summary>Live guest-to-host reviews of the guest's reservations that have a rating: what the guest rated (0 on a database without reviews).</summary>
    public int ReviewCount { get; init; }

    /// <summary>Their average rating, rounded to 2 decimals; null when there are none.</summary>
    public double? AverageRating { get; init; }
}
