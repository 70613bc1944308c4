using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Http;

/// <summary>The documented reservation filters the simulator implements; all are combined with AND.</summary>
internal sealed record ReservationFilter
{
    /// <summary><c>listingId</c> (the listing's id, called listingMapId on the reservation).</summary>
    public long? ListingId { get; init; }

    /// <summary><c>channelId</c>.</summary>
    public int? ChannelId { get; init; }

    /// <summary><c>arrivalStartDate</c>, inclusive.</summary>
    public DateOnly? ArrivalStart { get; init; }

    /// <summary><c>arrivalEndDate</c>, inclusive.</summary>
    public DateOnly? ArrivalEnd { get; init; }

    /// <summary><c>departureStartDate</c>, inclusive.</summary>
    public DateOnly? DepartureStart { get; init; }

    /// <summary><c>departureEndDate</c>, inclusive.</summary>
    public DateOnly? DepartureEnd { get; init; }

    /// <summary><c>latestActivityStart</c>: compared with the date part of latestActivityOn, inclusive.</summary>
    public DateOnly? ActivityStart { get; init; }

    /// <summary><c>latestActivityEnd</c>: compared with the date part of latestActivityOn, inclusive.</summary>
    public DateOnly? ActivityEnd { get; init; }

    /// <summary><c>guestEmail</c>: equal ignoring case (as a case-insensitive collation compares), not trimmed.</summary>
    public string? GuestEmail { get; init; }

    /// <summary><c>match</c>: guest-name substring, ignoring case.</summary>
    public string? Match { get; init; }

    /// <summary><c>hasUnreadConversationMessages=1</c>.</summary>
    public bool UnreadOnly { get; init; }

    /// <summary>True when no filter is set, so paging can slice the index directly.</summary>
    public bool IsEmpty => this == Empty;

    /// <summary>No filter.</summary>
    public static ReservationFilter Empty { get; } = new();

    /// <summary>Whether a reservation passes every filter.</summary>
    public bool Matches(ReservationState r) =>
        (ListingId is null || r.ListingId == ListingId)
        && (ChannelId is null || r.ChannelId == ChannelId)
        && (ArrivalStart is null || r.Arrival >= ArrivalStart)
        && (ArrivalEnd is null || r.Arrival <= ArrivalEnd)
        && (DepartureStart is null || r.Departure >= DepartureStart)
        && (DepartureEnd is null || r.Departure <= DepartureEnd)
        && (ActivityStart is null || DateOnly.FromDateTime(r.LatestActivityOn) >= ActivityStart)
        && (ActivityEnd is null || DateOnly.FromDateTime(r.LatestActivityOn) <= ActivityEnd)
        && (GuestEmail is null || string.Equals(r.GuestEmail, GuestEmail, StringComparison.OrdinalIgnoreCase))
        && (Match is null || (r.GuestName?.Contains(Match, StringComparison.OrdinalIgnoreCase) ?? false))
        && (!UnreadOnly || r.HasUnreadMessages);
}
