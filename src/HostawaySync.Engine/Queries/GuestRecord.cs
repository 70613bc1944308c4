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
}
