namespace HostawaySync.Engine.Queries;

/// <summary>Which messages to read. Null or empty members do not filter.</summary>
/// <param name="ConversationIds">Conversations.</param>
/// <param name="ReservationIds">Reservations.</param>
/// <param name="ListingIds">Listings.</param>
/// <param name="Direction">guest or host.</param>
/// <param name="Since">Sent at or after (UTC).</param>
/// <param name="Until">Sent before (UTC).</param>
/// <param name="IncludeDeleted">Also messages of conversations or reservations the API no longer has.</param>
public sealed record MessageFilter(
    IReadOnlyList<long>? ConversationIds = null, IReadOnlyList<long>? ReservationIds = null, IReadOnlyList<long>? ListingIds = null,
    string? Direction = null, DateTime? Since = null, DateTime? Until = null, bool IncludeDeleted = false);
