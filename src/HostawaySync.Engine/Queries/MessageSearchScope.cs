namespace HostawaySync.Engine.Queries;

/// <summary>One part of the store to search: messages of these conversations, reservations and listings (null or empty members do not narrow).</summary>
/// <param name="ConversationIds">Conversations.</param>
/// <param name="ReservationIds">Reservations.</param>
/// <param name="ListingIds">Listings.</param>
public sealed record MessageSearchScope(
    IReadOnlyList<long>? ConversationIds = null, IReadOnlyList<long>? ReservationIds = null, IReadOnlyList<long>? ListingIds = null);
