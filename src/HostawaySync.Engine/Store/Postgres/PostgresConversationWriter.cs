using Dapper;
using HostawaySync.Engine.Api.Models;
using Npgsql;
using NpgsqlTypes;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Upserts conversations in PostgreSQL under <see cref="ConversationWriter"/>'s rules: the document is stored without the
/// embedded message text, and a conversation is unchanged when its hash is, it is live and its guest is still its
/// reservation's. The changed ones of a page are written by one upsert from arrays.
/// </summary>
internal static class PostgresConversationWriter
{
    // $1 the time of the write; $2 to $12 one array per column of the rows.
    private const string Upsert = $"""
        INSERT INTO conversations (conversation_id, reservation_id, listing_id, guest_id, type, recipient_name, has_unread_messages,
            message_sent_on, message_received_on, raw_json, content_hash, list_mark, first_seen_at, updated_at, deleted_at)
        SELECT c.conversation_id, c.reservation_id, c.listing_id, (SELECT guest_id FROM reservations r WHERE r.reservation_id = c.reservation_id),
            c.type, c.recipient_name, c.has_unread_messages, c.message_sent_on, c.message_received_on, c.raw_json, c.content_hash, c.list_mark, $1, $1, NULL::timestamptz
        FROM unnest($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) AS c (conversation_id, reservation_id, listing_id, type, recipient_name,
            has_unread_messages, message_sent_on, message_received_on, raw_json, content_hash, list_mark)
        {StoreUpserts.ConversationConflict}
        """;

    public static UpsertCounts Write(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<HostawayConversation> conversations, string now)
    {
        var counts = new UpsertCounts();
        var existing = connection.Query<(long Id, string Hash, DateTime? DeletedAt, long? GuestId, long? ReservationGuestId, string? ListMark)>(
                """
                SELECT c.conversation_id, c.content_hash, c.deleted_at, c.guest_id, r.guest_id, c.list_mark
                FROM conversations c LEFT JOIN reservations r ON r.reservation_id = c.reservation_id
                WHERE c.conversation_id = ANY(@Ids);
                """,
                new { Ids = conversations.Select(c => c.Id).ToArray() }, transaction)
            .ToDictionary(row => row.Id);
        var rows = new Dictionary<long, (HostawayConversation Conversation, string RawJson, string Hash)>();
        foreach (var conversation in conversations)
        {
            var raw = ConversationWriter.WithoutMessageText(conversation.RawJson);
            var hash = ContentHash.Of(raw);
            var known = existing.TryGetValue(conversation.Id, out var row);
            if (known && ConversationWriter.Unchanged(row.Hash, row.DeletedAt is null, row.GuestId, row.ReservationGuestId, row.ListMark, hash, conversation))
            {
                counts.Unchanged++;
                continue;
            }

            // A conversation listed twice is stored as its last listing, as writing the rows one by one would leave it.
            rows[conversation.Id] = (conversation, raw, hash);
            if (known)
            {
                counts.Updated++;
            }
            else
            {
                counts.Created++;
            }
        }

        if (rows.Count > 0)
        {
            using var upsert = new NpgsqlCommand(Upsert, connection, transaction);
            new PostgresRowArrays<(HostawayConversation C, string RawJson, string Hash)>(upsert, rows.Values)
                .Value(PostgresClock.Utc(now), NpgsqlDbType.TimestampTz)
                .Column(r => r.C.Id, NpgsqlDbType.Bigint)
                .Column(r => r.C.ReservationId, NpgsqlDbType.Bigint)
                .Column(r => r.C.ListingId, NpgsqlDbType.Bigint)
                .Column(r => r.C.Type, NpgsqlDbType.Text)
                .Column(r => r.C.RecipientName, NpgsqlDbType.Text)
                .Column(r => r.C.HasUnreadMessages, NpgsqlDbType.Boolean)
                .Column(r => PostgresClock.Utc(r.C.MessageSentOn), NpgsqlDbType.TimestampTz)
                .Column(r => PostgresClock.Utc(r.C.MessageReceivedOn), NpgsqlDbType.TimestampTz)
                .Column(r => r.RawJson, NpgsqlDbType.Jsonb)
                .Column(r => r.Hash, NpgsqlDbType.Text)
                .Column(r => r.C.ChangeMark, NpgsqlDbType.Text);
            upsert.ExecuteNonQuery();
        }

        return counts;
    }
}
