namespace HostawaySync.Engine.Queries;

/// <summary>What review text to search for, and where. Null or empty members do not filter.</summary>
/// <param name="Query">The search text, in the message search's query language.</param>
/// <param name="Syntax">How <paramref name="Query"/> is read.</param>
/// <param name="ListingIds">Only reviews of these listings.</param>
/// <param name="ReservationIds">Only reviews of these reservations.</param>
/// <param name="GuestIds">Only reviews of these guests' reservations (a merged guest's id finds the guest it was merged into).</param>
/// <param name="Types">guest-to-host, host-to-guest.</param>
/// <param name="Statuses">Review statuses (awaiting, pending, scheduled, submitted, published, expired).</param>
/// <param name="MinRating">Rated at least this (0 to 10); unrated reviews are left out.</param>
/// <param name="MaxRating">Rated at most this; unrated reviews are left out.</param>
/// <param name="Since">Stays that departed at or after this time (UTC).</param>
/// <param name="Until">Stays that departed before this time (UTC).</param>
/// <param name="First">At most this many results, the best ones.</param>
/// <param name="Scopes">Only reviews in at least one of these scopes (in addition to the filters above); piped input becomes scopes.</param>
/// <param name="IncludeDeleted">Also reviews (or reviews of reservations) the API no longer has.</param>
public sealed record ReviewSearchFilter(
    string Query, MessageSearchSyntax Syntax = MessageSearchSyntax.Simple,
    IReadOnlyList<long>? ListingIds = null, IReadOnlyList<long>? ReservationIds = null, IReadOnlyList<long>? GuestIds = null,
    IReadOnlyList<string>? Types = null, IReadOnlyList<string>? Statuses = null, decimal? MinRating = null, decimal? MaxRating = null,
    DateTime? Since = null, DateTime? Until = null, int? First = null, IReadOnlyList<ReviewSearchScope>? Scopes = null, bool IncludeDeleted = false);
