using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using HostawaySync.Engine.Conversations;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// The store's side of indexing conversation files that no synced conversation owns (see the sync's chat-log
/// importer): conversation_file_index remembers each file's size and time; its messages go to messages_metadata
/// under stable negative ids (API ids are positive), linked to what the file can be matched to, and to the search
/// index, in the same transaction.
/// </summary>
internal static class ChatLogIndex
{
    private const string MatchListingSql = "SELECT min(listing_id) FROM listings WHERE name = @Name COLLATE NOCASE OR internal_name = @Name COLLATE NOCASE;";

    private const string MatchReservationSql = "SELECT min(reservation_id) FROM reservations WHERE listing_id = @Listing AND arrival_date = @Arrival AND guest_name = @Guest COLLATE NOCASE;";

    /// <summary>The files indexed so far, with the size and time they had then.</summary>
    public static IReadOnlyList<(string Path, long Length, string LastWrite)> Known(SqliteConnection connection) =>
        connection.Query<(string Path, long Length, string LastWrite)>("SELECT file_path, length, last_write_utc FROM conversation_file_index;").AsList();

    /// <summary>Files that disappeared take their rows (and their messages' search terms) with them.</summary>
    public static void Forget(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> paths) =>
        connection.Execute(
            """
            DELETE FROM message_search WHERE rowid IN (SELECT message_id FROM messages_metadata WHERE message_id < 0 AND file_path = @Path);
            DELETE FROM messages_metadata WHERE message_id < 0 AND file_path = @Path;
            DELETE FROM conversation_file_index WHERE file_path = @Path;
            """, paths.Select(path => new { Path = path }), transaction);

    /// <summary>Indexes one file (replacing what an earlier version of it left); returns the messages indexed.</summary>
    public static int Index(SqliteConnection connection, SqliteTransaction transaction, IndexedConversationFile file, string lastWrite, string now)
    {
        var (conversationId, listingId, reservationId, ownedElsewhere) = ChatLogMatch.Find(connection, transaction, file, MatchListingSql, MatchReservationSql);

        connection.Execute(
            """
            DELETE FROM message_search WHERE rowid IN (SELECT message_id FROM messages_metadata WHERE message_id < 0 AND file_path = @Path);
            DELETE FROM messages_metadata WHERE message_id < 0 AND file_path = @Path;
            """, new { Path = file.RelativePath }, transaction);
        var count = 0;
        if (!ownedElsewhere)
        {
            // A HostawaySync file of a conversation that has its own file is an old copy: index the file, not its messages twice.
            foreach (var parsed in file.Result.Messages)
            {
                var message = parsed.Message;
                var body = message.Body;
                connection.Execute(
                    """
                    INSERT OR REPLACE INTO messages_metadata (message_id, conversation_id, reservation_id, listing_id, direction, sent_at, communication_type, status,
                        body_length, body_hash, file_path, file_position, raw_json, content_hash, first_seen_at, updated_at)
                    VALUES (@Id, @Conversation, @Reservation, @Listing, @Direction, @SentAt, @Type, @Status, @Length, @BodyHash, @Path, @Position, NULL, @Hash, @Now, @Now);
                    INSERT OR REPLACE INTO message_search (rowid, body) VALUES (@Id, @Body);
                    """,
                    new
                    {
                        Id = SyntheticId(file.RelativePath, parsed.Position), Conversation = conversationId, Reservation = reservationId, Listing = listingId,
                        Direction = message.Direction == MessageDirection.Guest ? "guest" : "host", SentAt = StoreClock.Format(message.SentAt),
                        Type = message.CommunicationType, message.Status, body.Length, Body = body, BodyHash = ContentHash.Of(body), Path = file.RelativePath, parsed.Position,
                        Hash = ContentHash.Of(file.RelativePath + "\n" + parsed.Position.ToString(CultureInfo.InvariantCulture) + "\n" + body), Now = now,
                    },
                    transaction);
                count++;
            }
        }

        connection.Execute(
            """
            INSERT OR REPLACE INTO conversation_file_index (file_path, length, last_write_utc, kind, conversation_id, reservation_id, listing_id, messages, problems, first_problem, indexed_at)
            VALUES (@Path, @Length, @LastWrite, @Kind, @Conversation, @Reservation, @Listing, @Messages, @Problems, @FirstProblem, @Now);
            """,
            new
            {
                Path = file.RelativePath, file.Length, LastWrite = lastWrite, Kind = file.Kind.ToString(), Conversation = conversationId, Reservation = reservationId,
                Listing = listingId, Messages = count, Problems = file.Result.Problems.Count, FirstProblem = file.Result.Problems.Count > 0 ? file.Result.Problems[0].Reason : null, Now = now,
            },
            transaction);
        return count;
    }

    /// <summary>A stable negative id from the file and the message's position (API ids are positive).</summary>
    internal static long SyntheticId(string relativePath, int position)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(relativePath.ToUpperInvariant() + "\n" + position.ToString(CultureInfo.InvariantCulture)));
        return -(long)(BitConverter.ToUInt64(hash, 0) >> 2) - 1;
    }
}
