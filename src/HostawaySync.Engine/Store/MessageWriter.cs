using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Conversations;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Stores the metadata of a conversation's messages after its file was written: ids, direction, time, type,
/// status, file and position, and the API object without its body. Messages no longer in the conversation
/// leave the table, as they left the file. Unchanged rows are not touched. The search index follows in the same
/// transaction: new messages and messages whose text changed (body_hash) are indexed, removed ones leave it.
/// </summary>
internal static class MessageWriter
{
    private const string Upsert = $"""
        INSERT INTO messages_metadata (message_id, conversation_id, reservation_id, listing_id, direction, sent_at, communication_type, status,
            message_source, body_length, body_hash, file_path, file_position, inserted_on, updated_on, raw_json, content_hash, first_seen_at, updated_at)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p17)
        {StoreUpserts.MessageConflict}
        """;

    // Keep the API's text as it is (no \u escapes for non-ASCII), the body aside.
    private static readonly JsonSerializerOptions RawJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body as the file keeps it (line endings normalized), so the file and the table agree.</summary>
    public static string FileBody(string? body) => ConversationFileFormat.NormalizeBody(body);

    public static (int Written, int Removed, int Added) Write(
        SqliteConnection connection, SqliteTransaction transaction, long conversationId, IReadOnlyList<HostawayMessage> messages, ConversationFileWriteResult file, string now)
    {
        // One read per conversation finds both the messages that left it and the stored text hash of the others, so only new
        // and changed texts are indexed and unchanged messages cost nothing more. A null body_hash marks a message whose text
        // the index lacks (its file was unreadable when the index was built).
        var stored = connection.Query<(long Id, string? BodyHash)>(
            "SELECT message_id, body_hash FROM messages_metadata WHERE conversation_id = @Conversation;", new { Conversation = conversationId }, transaction)
            .ToDictionary(row => row.Id, row => row.BodyHash);
        var kept = messages.Select(m => m.Id).ToHashSet();
        var removedIds = stored.Keys.Where(id => !kept.Contains(id)).ToList();
        if (removedIds.Count > 0)
        {
            connection.Execute("DELETE FROM messages_metadata WHERE message_id = @Id;", removedIds.Select(id => new { Id = id }), transaction);
            MessageSearchIndex.Remove(connection, transaction, removedIds);
        }

        using var upsert = new PreparedStatement(connection, transaction, Upsert, 18);
        PreparedStatement? index = null;
        try
        {
            var written = 0;
            var added = 0;
            foreach (var position in file.Messages)
            {
                var message = messages[position.InputIndex];
                var body = FileBody(message.Body);
                var bodyHash = ContentHash.Of(body);
                var raw = WithoutBody(message.RawJson);
                var hash = ContentHash.Of(string.Concat(raw, "\n", file.RelativePath, "\n", position.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), "\n", body));
                written += upsert.Execute(
                    message.Id, conversationId, message.ReservationId, message.ListingId, message.IsIncoming ? "guest" : "host", StoreClock.Format(message.Date),
                    message.CommunicationType, message.Status, message.MessageSource, body.Length, bodyHash, file.RelativePath, position.Position,
                    StoreClock.Format(message.InsertedOn), StoreClock.Format(message.UpdatedOn), raw, hash, now);
                added += stored.ContainsKey(message.Id) ? 0 : 1;
                if (!stored.TryGetValue(message.Id, out var indexed) || indexed != bodyHash)
                {
                    index ??= MessageSearchIndex.PrepareUpsert(connection, transaction);
                    index.Execute(message.Id, body);
                }
            }

            return (written, removedIds.Count, added);
        }
        finally
        {
            index?.Dispose();
        }
    }

    internal static string WithoutBody(string rawJson)
    {
        if (JsonNode.Parse(rawJson) is not JsonObject json)
        {
            return rawJson;
        }

        json.Remove("body");
        return json.ToJsonString(RawJsonOptions);
    }
}
