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
/// leave the table, as they left the file. Unchanged rows are not touched.
/// </summary>
internal static class MessageWriter
{
    private const string Upsert = """
        INSERT INTO messages_metadata (message_id, conversation_id, reservation_id, listing_id, direction, sent_at, communication_type, status,
            message_source, body_length, body_hash, file_path, file_position, inserted_on, updated_on, raw_json, content_hash, first_seen_at, updated_at)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p17)
        ON CONFLICT (message_id) DO UPDATE SET conversation_id = excluded.conversation_id, reservation_id = excluded.reservation_id,
            listing_id = excluded.listing_id, direction = excluded.direction, sent_at = excluded.sent_at, communication_type = excluded.communication_type,
            status = excluded.status, message_source = excluded.message_source, body_length = excluded.body_length, body_hash = excluded.body_hash,
            file_path = excluded.file_path, file_position = excluded.file_position, inserted_on = excluded.inserted_on, updated_on = excluded.updated_on,
            raw_json = excluded.raw_json, content_hash = excluded.content_hash, updated_at = excluded.updated_at
        WHERE messages_metadata.content_hash <> excluded.content_hash;
        """;

    // Keep the API's text as it is (no \u escapes for non-ASCII), the body aside.
    private static readonly JsonSerializerOptions RawJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body as the file keeps it (line endings normalized), so the file and the table agree.</summary>
    public static string FileBody(string? body) => ConversationFileFormat.NormalizeBody(body);

    public static (int Written, int Removed) Write(
        SqliteConnection connection, SqliteTransaction transaction, long conversationId, IReadOnlyList<HostawayMessage> messages, ConversationFileWriteResult file, string now)
    {
        var removed = connection.Execute(
            "DELETE FROM messages_metadata WHERE conversation_id = @Conversation AND message_id NOT IN (SELECT value FROM json_each(@Keep));",
            new { Conversation = conversationId, Keep = JsonIds.Of(messages.Select(m => m.Id)) }, transaction);
        using var upsert = new PreparedStatement(connection, transaction, Upsert, 18);
        var written = 0;
        foreach (var position in file.Messages)
        {
            var message = messages[position.InputIndex];
            var body = FileBody(message.Body);
            var raw = WithoutBody(message.RawJson);
            var hash = ContentHash.Of(string.Concat(raw, "\n", file.RelativePath, "\n", position.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), "\n", body));
            written += upsert.Execute(
                message.Id, conversationId, message.ReservationId, message.ListingId, message.IsIncoming ? "guest" : "host", StoreClock.Format(message.Date),
                message.CommunicationType, message.Status, message.MessageSource, body.Length, ContentHash.Of(body), file.RelativePath, position.Position,
                StoreClock.Format(message.InsertedOn), StoreClock.Format(message.UpdatedOn), raw, hash, now);
        }

        return (written, removed);
    }

    private static string WithoutBody(string rawJson)
    {
        if (JsonNode.Parse(rawJson) is not JsonObject json)
        {
            return rawJson;
        }

        json.Remove("body");
        return json.ToJsonString(RawJsonOptions);
    }
}
