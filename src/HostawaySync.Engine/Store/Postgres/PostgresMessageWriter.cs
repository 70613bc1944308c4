using System.Globalization;
using Dapper;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Conversations;
using Npgsql;
using NpgsqlTypes;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Stores message metadata in PostgreSQL under <see cref="MessageWriter"/>'s rules: the body as the file keeps it is hashed
/// (body_hash) but never stored, messages that left the conversation leave the table and the index, a row is rewritten
/// only when its hash changed or its text was never indexed, and new or changed texts are indexed in the same transaction.
/// A conversation's messages are written by one upsert from arrays, whatever their number.
/// </summary>
internal static class PostgresMessageWriter
{
    // $1 the conversation, $2 its file, $3 the time of the write; $4 to $18 one array per column of the rows.
    private const string Upsert = $"""
        INSERT INTO messages_metadata (message_id, conversation_id, reservation_id, listing_id, direction, sent_at, communication_type, status,
            message_source, body_length, body_hash, file_path, file_position, inserted_on, updated_on, raw_json, content_hash, first_seen_at, updated_at)
        SELECT m.message_id, $1, m.reservation_id, m.listing_id, m.direction, m.sent_at, m.communication_type, m.status, m.message_source,
            m.body_length, m.body_hash, $2, m.file_position, m.inserted_on, m.updated_on, m.raw_json, m.content_hash, $3, $3
        FROM unnest($4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) AS m (message_id, reservation_id, listing_id, direction,
            sent_at, communication_type, status, message_source, body_length, body_hash, file_position, inserted_on, updated_on, raw_json, content_hash)
        {StoreUpserts.MessageConflict}
        """;

    /// <summary>Writes one conversation's messages; returns how many are new to the store.</summary>
    public static int Write(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresMessageSearch search, long conversationId,
        IReadOnlyList<HostawayMessage> messages, ConversationFileWriteResult file, string now)
    {
        var stored = connection.Query<(long Id, string? BodyHash)>(
            "SELECT message_id, body_hash FROM messages_metadata WHERE conversation_id = @Conversation;", new { Conversation = conversationId }, transaction)
            .ToDictionary(row => row.Id, row => row.BodyHash);
        var kept = messages.Select(m => m.Id).ToHashSet();
        var removedIds = stored.Keys.Where(id => !kept.Contains(id)).ToList();
        if (removedIds.Count > 0)
        {
            connection.Execute("DELETE FROM messages_metadata WHERE message_id = ANY(@Ids);", new { Ids = removedIds.ToArray() }, transaction);
            search.Remove(removedIds);
        }

        var added = 0;
        var rows = new Dictionary<long, Row>();
        var toIndex = new List<(long Id, string Text)>();
        foreach (var position in file.Messages)
        {
            var message = messages[position.InputIndex];
            var body = MessageWriter.FileBody(message.Body);
            var bodyHash = ContentHash.Of(body);
            var raw = MessageWriter.WithoutBody(message.RawJson);
            var hash = ContentHash.Of(string.Concat(raw, "\n", file.RelativePath, "\n", position.Position.ToString(CultureInfo.InvariantCulture), "\n", body));
            // A message listed twice is stored as its last listing, as writing the rows one by one would leave it.
            rows[message.Id] = new Row(message, body.Length, bodyHash, position.Position, raw, hash);
            added += stored.ContainsKey(message.Id) ? 0 : 1;
            if (!stored.TryGetValue(message.Id, out var indexed) || indexed != bodyHash)
            {
                toIndex.Add((message.Id, body));
            }
        }

        // The conversation's new and changed texts indexed together (a few statements rather than one per message).
        search.Upsert(toIndex);

        if (rows.Count > 0)
        {
            using var upsert = new NpgsqlCommand(Upsert, connection, transaction);
            new PostgresRowArrays<Row>(upsert, rows.Values)
                .Value(conversationId, NpgsqlDbType.Bigint)
                .Value(file.RelativePath, NpgsqlDbType.Text)
                .Value(PostgresClock.Utc(now), NpgsqlDbType.TimestampTz)
                .Column(r => r.Message.Id, NpgsqlDbType.Bigint)
                .Column(r => r.Message.ReservationId, NpgsqlDbType.Bigint)
                .Column(r => r.Message.ListingId, NpgsqlDbType.Bigint)
                .Column(r => r.Message.IsIncoming ? "guest" : "host", NpgsqlDbType.Text)
                .Column(r => PostgresClock.Utc(r.Message.Date), NpgsqlDbType.TimestampTz)
                .Column(r => r.Message.CommunicationType, NpgsqlDbType.Text)
                .Column(r => r.Message.Status, NpgsqlDbType.Text)
                .Column(r => r.Message.MessageSource, NpgsqlDbType.Text)
                .Column(r => r.BodyLength, NpgsqlDbType.Integer)
                .Column(r => r.BodyHash, NpgsqlDbType.Text)
                .Column(r => r.Position, NpgsqlDbType.Integer)
                .Column(r => PostgresClock.Utc(r.Message.InsertedOn), NpgsqlDbType.TimestampTz)
                .Column(r => PostgresClock.Utc(r.Message.UpdatedOn), NpgsqlDbType.TimestampTz)
                .Column(r => r.RawJson, NpgsqlDbType.Jsonb)
                .Column(r => r.Hash, NpgsqlDbType.Text);
            upsert.ExecuteNonQuery();
        }

        return added;
    }

    private sealed record Row(HostawayMessage Message, int BodyLength, string BodyHash, int Position, string RawJson, string Hash);
}
