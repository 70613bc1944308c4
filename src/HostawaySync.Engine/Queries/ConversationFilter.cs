namespace HostawaySync.Engine.Queries;

/// <summary>Which conversations to read. Null or empty members do not filter.</summary>
/// <param name="Ids">Conversation ids.</param>
/// <param name="ReservationIds">Reservations.</param>
/// <param name="ListingIds">Listings.</param>
/// <param name="GuestIds">Guests.</param>
/// <param name="IncludeDeleted">Also conversations the API no longer has.</param>
public sealed record ConversationFilter(
    IReadOnlyList<long>? Ids = null, IReadOnlyList<long>? ReservationIds = null, IReadOnlyList<long>? ListingIds = null, IReadOnlyList<long>? GuestIds = null,
    bool IncludeDeleted = false);
