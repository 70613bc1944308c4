using Dapper;
using HostawaySync.Engine.Api.Models;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Upserts conversations in PostgreSQL under <see cref="ConversationWriter"/>'s rules: the document is stored without the
/// embedded message text, and a conversation is unchanged when its hash is, it is live and its guest is still its reservation's.
/// </summary>
internal static class PostgresConversationWriter
{
    private const string Upsert = $"""
        INSERT INTO conversations (conversation_id, reservation_id, listing_id, guest_id, type, recipient_name, has_unread_messages,
            message_sent_on, message_received_on, raw_json, content_hash, first_seen_at, updated_at, deleted_at)
        VALUES (@Id, @ReservationId, @ListingId, (SELECT guest_id FROM reservations WHERE reservation_id = @ReservationId), @Type, @RecipientName,
            @HasUnreadMessages, @MessageSentOn, @MessageReceivedOn, @RawJson, @Hash, @Now, @Now, NULL)
        {StoreUpserts.ConversationConflict}
        """;

    public static UpsertCounts Write(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<HostawayConversation> conversations, string now)
    {
        var counts = new UpsertCounts();
        var existing = connection.Query<(long Id, string Hash, DateTime? DeletedAt, long? GuestId, long? ReservationGuestId)>(
                """
                SELECT c.conversation_id, c.content_hash, c.deleted_at, c.guest_id, r.guest_id
                FROM conversations c LEFT JOIN reservations r ON r.reservation_id = c.reservation_id
                WHERE c.conversation_id = ANY(@Ids);
                """,
                new { Ids = conversations.Select(c => c.Id).ToArray() }, transaction)
            .ToDictionary(row => row.Id);
        foreach (var conversation in conversations)
        {
            var raw = ConversationWriter.WithoutMessageText(conversation.RawJson);
            var hash = ContentHash.Of(raw);
            var known = existing.TryGetValue(conversation.Id, out var row);
            if (known && row.Hash == hash && row.DeletedAt is null && row.GuestId == row.ReservationGuestId)
            {
                counts.Unchanged++;
                continue;
            }

            connection.Execute(Upsert, new
            {
                conversation.Id, conversation.ReservationId, conversation.ListingId, conversation.Type, conversation.RecipientName, conversation.HasUnreadMessages,
                MessageSentOn = PostgresClock.Utc(conversation.MessageSentOn), MessageReceivedOn = PostgresClock.Utc(conversation.MessageReceivedOn),
                RawJson = TypedParameter.Jsonb(raw), Hash = hash, Now = PostgresClock.Utc(now),
            }, transaction);
            if (known)
            {
                counts.Updated++;
            }
            else
            {
                counts.Created++;
            }
        }

        return counts;
    }
}
