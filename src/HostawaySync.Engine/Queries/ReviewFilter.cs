namespace HostawaySync.Engine.Queries;

/// <summary>Which reviews to read. Null or empty members do not filter.</summary>
/// <param name="Ids">Review ids.</param>
/// <param name="ListingIds">Listings.</param>
/// <param name="ReservationIds">Reservations.</param>
/// <param name="GuestIds">Guests of the reviews' reservations (a merged guest's id finds the guest it was merged into, as <see cref="GuestFilter.Ids"/>).</param>
/// <param name="Types">guest-to-host, host-to-guest (case ignored).</param>
/// <param name="Statuses">awaiting, pending, scheduled, submitted, published, expired (case ignored).</param>
/// <param name="MinRating">Rating at least this (reviews without a rating are left out).</param>
/// <param name="MaxRating">Rating at most this (reviews without a rating are left out).</param>
/// <param name="Since">Departure at or after (UTC).</param>
/// <param name="Until">Departure before (UTC).</param>
/// <param name="IncludeDeleted">Also reviews the API no longer has, and reviews of reservations it no longer has.</param>
public sealed record ReviewFilter(
    IReadOnlyList<long>? Ids = null, IReadOnlyList<long>? ListingIds = null, IReadOnlyList<long>? ReservationIds = null, IReadOnlyList<long>? GuestIds = null,
    IReadOnlyList<string>? Types = null, IReadOnlyList<string>? Statuses = null, double? MinRating = null, double? MaxRating = null,
    DateTime? Since = null, DateTime? Until = null, bool IncludeDeleted = false);
