using System.Globalization;
using Dapper;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Conversations;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Stores message metadata in PostgreSQL under <see cref="MessageWriter"/>'s rules: the body as the file keeps it is hashed
/// (body_hash) but never stored, messages that left the conversation leave the table and the index, a row is rewritten
/// only when its hash changed or its text was never indexed, and new or changed texts are indexed in the same transaction.
/// </summary>
internal static class PostgresMessageWriter
{
    private const string Upsert = $"""
        INSERT INTO messages_metadata (message_id, conversation_id, reservation_id, listing_id, direction, sent_at, communication_type, status,
            message_source, body_length, body_hash, file_path, file_position, inserted_on, updated_on, raw_json, content_hash, first_seen_at, updated_at)
        VALUES (@Id, @Conversation, @ReservationId, @ListingId, @Direction, @SentAt, @CommunicationType, @Status, @MessageSource, @Length, @BodyHash,
            @Path, @Position, @InsertedOn, @UpdatedOn, @RawJson, @Hash, @Now, @Now)
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
        foreach (var position in file.Messages)
        {
            var message = messages[position.InputIndex];
            var body = MessageWriter.FileBody(message.Body);
            var bodyHash = ContentHash.Of(body);
            var raw = MessageWriter.WithoutBody(message.RawJson);
            var hash = ContentHash.Of(string.Concat(raw, "\n", file.RelativePath, "\n", position.Position.ToString(CultureInfo.InvariantCulture), "\n", body));
            connection.Execute(Upsert, new
            {
                message.Id, Conversation = conversationId, message.ReservationId, message.ListingId, Direction = message.IsIncoming ? "guest" : "host",
                SentAt = PostgresClock.Utc(message.Date), message.CommunicationType, message.Status, message.MessageSource, body.Length, BodyHash = bodyHash,
                Path = file.RelativePath, position.Position, InsertedOn = PostgresClock.Utc(message.InsertedOn), UpdatedOn = PostgresClock.Utc(message.UpdatedOn),
                RawJson = TypedParameter.Jsonb(raw), Hash = hash, Now = PostgresClock.Utc(now),
            }, transaction);
            added += stored.ContainsKey(message.Id) ? 0 : 1;
            if (!stored.TryGetValue(message.Id, out var indexed) || indexed != bodyHash)
            {
                search.Upsert(message.Id, body);
            }
        }

        return added;
    }
}
