using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using HostawaySync.Engine.Api.Models;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>Upserts conversations (their metadata; message text goes to the conversation files).</summary>
internal static class ConversationWriter
{
    // Keep the API's text as it is (no \u escapes for non-ASCII).
    private static readonly JsonSerializerOptions RawJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Upsert = $"""
        INSERT INTO conversations (conversation_id, reservation_id, listing_id, guest_id, type, recipient_name, has_unread_messages,
            message_sent_on, message_received_on, raw_json, content_hash, list_mark, first_seen_at, updated_at, deleted_at)
        VALUES ($p0, $p1, $p2, (SELECT guest_id FROM reservations WHERE reservation_id = $p1), $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p11, NULL)
        {StoreUpserts.ConversationConflict}
        """;

    /// <summary>Writes conversations; returns the counts. Unchanged ones (same JSON, same guest, change mark recorded) are not touched.</summary>
    public static UpsertCounts Write(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<HostawayConversation> conversations, string now)
    {
        var counts = new UpsertCounts();
        var existing = connection.Query<(long Id, string Hash, string? DeletedAt, long? GuestId, long? ReservationGuestId, string? ListMark)>(
                """
                SELECT c.conversation_id, c.content_hash, c.deleted_at, c.guest_id, r.guest_id, c.list_mark
                FROM conversations c LEFT JOIN reservations r ON r.reservation_id = c.reservation_id
                WHERE c.conversation_id IN (SELECT value FROM json_each(@Ids));
                """,
                new { Ids = JsonIds.Of(conversations.Select(c => c.Id)) }, transaction)
            .ToDictionary(row => row.Id);
        using var upsert = new PreparedStatement(connection, transaction, Upsert, 12);
        foreach (var conversation in conversations)
        {
            var raw = WithoutMessageText(conversation.RawJson);
            var hash = ContentHash.Of(raw);
            var known = existing.TryGetValue(conversation.Id, out var row);
            if (known && Unchanged(row.Hash, row.DeletedAt is null, row.GuestId, row.ReservationGuestId, row.ListMark, hash, conversation))
            {
                counts.Unchanged++;
                continue;
            }

            upsert.Execute(
                conversation.Id, conversation.ReservationId, conversation.ListingId, conversation.Type, conversation.RecipientName, conversation.HasUnreadMessages,
                StoreClock.Format(conversation.MessageSentOn), StoreClock.Format(conversation.MessageReceivedOn), raw, hash, conversation.ChangeMark, now);
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

    /// <summary>
    /// Whether a stored row is the conversation as listed: the same document, live, linked to its reservation's guest, and
    /// with its change mark (rows stored before schema version 5 have none, and are written once more to get it).
    /// </summary>
    internal static bool Unchanged(string storedHash, bool live, long? guestId, long? reservationGuestId, string? listMark, string hash, HostawayConversation conversation) =>
        storedHash == hash && live && guestId == reservationGuestId && listMark == conversation.ChangeMark;

    /// <summary>
    /// The conversation's API object without the text of the latest message it embeds (conversationMessages[].body):
    /// message text lives only in the conversation files; the message itself is stored from the messages endpoint.
    /// </summary>
    internal static string WithoutMessageText(string rawJson)
    {
        if (!rawJson.Contains("\"body\"", StringComparison.Ordinal) || JsonNode.Parse(rawJson) is not JsonObject json
            || json["conversationMessages"] is not JsonArray messages)
        {
            return rawJson;
        }

        foreach (var message in messages.OfType<JsonObject>())
        {
            message.Remove("body");
        }

        return json.ToJsonString(RawJsonOptions);
    }
}
