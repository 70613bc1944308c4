namespace HostawaySync.Engine.Queries;

/// <summary>One part of the store to search: reviews of these reservations, listings and guests (null or empty members do not narrow).</summary>
/// <param name="ReservationIds">Reservations.</param>
/// <param name="ListingIds">Listings.</param>
/// <param name="GuestIds">Guests (through their reservations).</param>
public sealed record ReviewSearchScope(
    IReadOnlyList<long>? ReservationIds = null, IReadOnlyList<long>? ListingIds = null, IReadOnlyList<long>? GuestIds = null);
