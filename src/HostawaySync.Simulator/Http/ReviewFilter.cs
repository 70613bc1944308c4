using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Http;

/// <summary>The documented review filters (and the newer docs' guestName and rating range); combined with AND.</summary>
internal sealed record ReviewFilter
{
    /// <summary><c>listingMapIds</c>: any of these listings.</summary>
    public IReadOnlyList<long>? ListingIds { get; init; }

    /// <summary><c>reservationId</c> (the Hostaway integer id).</summary>
    public long? ReservationId { get; init; }

    /// <summary><c>type</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>statuses</c>: any of these.</summary>
    public IReadOnlyList<string>? Statuses { get; init; }

    /// <summary><c>departureDateStart</c>: compared with the date part of departureDate, inclusive.</summary>
    public DateOnly? DepartureStart { get; init; }

    /// <summary><c>departureDateEnd</c>: compared with the date part of departureDate, inclusive.</summary>
    public DateOnly? DepartureEnd { get; init; }

    /// <summary><c>guestName</c>: a case-insensitive part of the guest name.</summary>
    public string? GuestName { get; init; }

    /// <summary><c>ratingMin</c>, inclusive; unrated reviews never match a rating bound.</summary>
    public int? RatingMin { get; init; }

    /// <summary><c>ratingMax</c>, inclusive.</summary>
    public int? RatingMax { get; init; }

    /// <summary>Whether the review passes every filter set.</summary>
    public bool Matches(ReviewState review) =>
        (ListingIds is null || ListingIds.Contains(review.ListingId))
        && (ReservationId is null || review.ReservationId == ReservationId)
        && (Type is null || review.Type == Type)
        && (Statuses is null || Statuses.Contains(review.Status))
        && (DepartureStart is null || review.DepartureDate >= DepartureStart)
        && (DepartureEnd is null || review.DepartureDate <= DepartureEnd)
        && (GuestName is null || (review.GuestName?.Contains(GuestName, StringComparison.OrdinalIgnoreCase) ?? false))
        && (RatingMin is null || review.Rating >= RatingMin)
        && (RatingMax is null || review.Rating <= RatingMax);
}
