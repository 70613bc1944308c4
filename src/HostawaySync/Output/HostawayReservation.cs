using System.Management.Automation;

namespace HostawaySync.Output;

/// <summary>What Get-HostawayReservation returns: a stored reservation, with flat, CSV-friendly columns.</summary>
public sealed class HostawayReservation : IStoredObject
{
    /// <inheritdoc />
    [Hidden]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    [Hidden]
    public string? DatabaseUrl { get; set; }

    /// <summary>Hostaway reservation id.</summary>
    public long ReservationId { get; init; }

    /// <summary>Listing.</summary>
    public long? ListingId { get; init; }

    /// <summary>Guest (see Get-HostawayGuest).</summary>
    public long? GuestId { get; init; }

    /// <summary>Channel.</summary>
    public string? ChannelName { get; init; }

    /// <summary>Status.</summary>
    public string? Status { get; init; }

    /// <summary>Arrival.</summary>
    public DateTime? ArrivalDate { get; init; }

    /// <summary>Departure.</summary>
    public DateTime? DepartureDate { get; init; }

    /// <summary>Nights.</summary>
    public int? Nights { get; init; }

    /// <summary>Guests.</summary>
    public int? NumberOfGuests { get; init; }

    /// <summary>Total price.</summary>
    public double? TotalPrice { get; init; }

    /// <summary>Currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Guest name.</summary>
    public string? GuestName { get; init; }

    /// <summary>Guest email.</summary>
    public string? GuestEmail { get; init; }

    /// <summary>Confirmation code.</summary>
    public string? ConfirmationCode { get; init; }

    /// <summary>Booked (UTC).</summary>
    public DateTime? ReservationDate { get; init; }

    /// <summary>Last modified in Hostaway (UTC).</summary>
    public DateTime? UpdatedOn { get; init; }

    /// <summary>When the API stopped listing it (UTC), or null.</summary>
    public DateTime? DeletedAt { get; init; }

    internal static HostawayReservation From(HostawaySync.Engine.Queries.ReservationRecord record) => new()
    {
        ReservationId = record.ReservationId,
        ListingId = record.ListingId,
        GuestId = record.GuestId,
        ChannelName = record.ChannelName,
        Status = record.Status,
        ArrivalDate = record.ArrivalDate,
        DepartureDate = record.DepartureDate,
        Nights = record.Nights,
        NumberOfGuests = record.NumberOfGuests,
        TotalPrice = record.TotalPrice,
        Currency = record.Currency,
        GuestName = record.GuestName,
        GuestEmail = record.GuestEmail,
        ConfirmationCode = record.ConfirmationCode,
        ReservationDate = record.ReservationDate,
        UpdatedOn = record.UpdatedOn,
        DeletedAt = record.DeletedAt,
    };
}
