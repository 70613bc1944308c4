using System.Data;
using Dapper;
using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Store;

/// <summary>
/// What an indexed conversation file belongs to: the header's ids where it has them, else the listing named by the header
/// or folder, the reservation of that listing, guest and arrival, and that reservation's first conversation. One flow for
/// every store; only the name comparisons differ (SQLite's COLLATE NOCASE, PostgreSQL's lower()).
/// </summary>
/// <param name="ConversationId">The conversation, when it is stored.</param>
/// <param name="ListingId">The listing.</param>
/// <param name="ReservationId">The reservation.</param>
/// <param name="OwnedElsewhere">A HostawaySync file of a stored conversation, which has a file of its own: an old copy.</param>
internal sealed record ChatLogMatch(long? ConversationId, long? ListingId, long? ReservationId, bool OwnedElsewhere)
{
    /// <summary>Matches <paramref name="file"/> in the unit of work of <paramref name="connection"/> and <paramref name="transaction"/>.</summary>
    /// <param name="connection">The store's connection.</param>
    /// <param name="transaction">The unit of work.</param>
    /// <param name="file">The indexed file.</param>
    /// <param name="listingByNameSql">The smallest listing id whose name or internal name is @Name, in the store's case-insensitive comparison.</param>
    /// <param name="reservationByGuestSql">The smallest reservation of @Listing arriving @Arrival (date text) whose guest name is @Guest, likewise.</param>
    public static ChatLogMatch Find(
        IDbConnection connection, IDbTransaction transaction, IndexedConversationFile file, string listingByNameSql, string reservationByGuestSql)
    {
        var header = file.Result.Header;
        var conversationId = header.ConversationId is { } id && connection.ExecuteScalar<long>("SELECT count(*) FROM conversations WHERE conversation_id = @Id;", new { Id = id }, transaction) > 0 ? id : (long?)null;
        var ownedElsewhere = conversationId is not null && file.Kind == ConversationFileKind.HostawaySync;
        var name = header.ListingName ?? file.PathListingName;
        var listingId = header.ListingId ?? file.PathListingId
            ?? (string.IsNullOrWhiteSpace(name) ? null : connection.ExecuteScalar<long?>(listingByNameSql, new { Name = name.Trim() }, transaction));
        var (guest, arrival) = (header.GuestName ?? file.PathGuestName, header.ArrivalDate ?? file.PathDate);
        var reservationId = header.ReservationId ?? (listingId is null || string.IsNullOrWhiteSpace(guest) || arrival is null ? null : connection.ExecuteScalar<long?>(
            reservationByGuestSql, new { Listing = listingId, Arrival = StoreClock.Format(arrival), Guest = guest.Trim() }, transaction));
        conversationId ??= reservationId is { } r
            ? connection.ExecuteScalar<long?>("SELECT min(conversation_id) FROM conversations WHERE reservation_id = @Id;", new { Id = r }, transaction)
            : null;
        return new ChatLogMatch(conversationId, listingId, reservationId, ownedElsewhere);
    }
}
