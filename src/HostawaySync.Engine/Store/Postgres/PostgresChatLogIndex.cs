using System.Globalization;
using Dapper;
using HostawaySync.Engine.Conversations;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// <see cref="ChatLogIndex"/> in PostgreSQL: the same matches, synthetic message ids and search rows. SQLite compares
/// names and paths COLLATE NOCASE; here they are compared through lower(), as the unique index on lower(file_path) keys them.
/// </summary>
internal static class PostgresChatLogIndex
{
    private const string MatchListingSql = "SELECT min(listing_id) FROM listings WHERE lower(name) = lower(@Name) OR lower(internal_name) = lower(@Name);";

    private const string MatchReservationSql = "SELECT min(reservation_id) FROM reservations WHERE listing_id = @Listing AND arrival_date = @Arrival::date AND lower(guest_name) = lower(@Guest);";

    private const string ForgetSql = """
        DELETE FROM message_search WHERE message_id IN (SELECT message_id FROM messages_metadata WHERE message_id < 0 AND lower(file_path) = lower(@Path));
        DELETE FROM messages_metadata WHERE message_id < 0 AND lower(file_path) = lower(@Path);
        """;

    private const string MessageSql = """
        INSERT INTO messages_metadata (message_id, conversation_id, reservation_id, listing_id, direction, sent_at, communication_type, status,
            body_length, body_hash, file_path, file_position, raw_json, content_hash, first_seen_at, updated_at)
        VALUES (@Id, @Conversation, @Reservation, @Listing, @Direction, @SentAt, @Type, @Status, @Length, @BodyHash, @Path, @Position, NULL, @Hash, @Now, @Now)
        ON CONFLICT (message_id) DO UPDATE SET conversation_id = excluded.conversation_id, reservation_id = excluded.reservation_id,
            listing_id = excluded.listing_id, direction = excluded.direction, sent_at = excluded.sent_at, communication_type = excluded.communication_type,
            status = excluded.status, body_length = excluded.body_length, body_hash = excluded.body_hash, file_path = excluded.file_path,
            file_position = excluded.file_position, raw_json = NULL, content_hash = excluded.content_hash, updated_at = excluded.updated_at;
        """;

    private const string FileSql = """
        INSERT INTO conversation_file_index (file_path, length, last_write_utc, kind, conversation_id, reservation_id, listing_id, messages, problems, first_problem, indexed_at)
        VALUES (@Path, @Length, @LastWrite, @Kind, @Conversation, @Reservation, @Listing, @Messages, @Problems, @FirstProblem, @Now)
        ON CONFLICT (lower(file_path)) DO UPDATE SET file_path = excluded.file_path, length = excluded.length, last_write_utc = excluded.last_write_utc,
            kind = excluded.kind, conversation_id = excluded.conversation_id, reservation_id = excluded.reservation_id, listing_id = excluded.listing_id,
            messages = excluded.messages, problems = excluded.problems, first_problem = excluded.first_problem, indexed_at = excluded.indexed_at;
        """;

    public static void Forget(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> paths)
    {
        connection.Execute(ForgetSql + "DELETE FROM conversation_file_index WHERE lower(file_path) = lower(@Path);", paths.Select(path => new { Path = path }), transaction);
    }

    public static int Index(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresMessageSearch search, IndexedConversationFile file, string lastWrite, string now)
    {
        var (conversationId, listingId, reservationId, ownedElsewhere) = ChatLogMatch.Find(connection, transaction, file, MatchListingSql, MatchReservationSql);

        connection.Execute(ForgetSql, new { Path = file.RelativePath }, transaction);
        var count = 0;
        var at = PostgresClock.Utc(now);
        // A HostawaySync file of a conversation that has its own file is an old copy: index the file, not its messages twice.
        foreach (var parsed in ownedElsewhere ? [] : file.Result.Messages)
        {
            var message = parsed.Message;
            var body = message.Body;
            var messageId = ChatLogIndex.SyntheticId(file.RelativePath, parsed.Position);
            connection.Execute(MessageSql, new
            {
                Id = messageId, Conversation = conversationId, Reservation = reservationId, Listing = listingId,
                Direction = message.Direction == MessageDirection.Guest ? "guest" : "host", SentAt = PostgresClock.Utc(message.SentAt),
                Type = message.CommunicationType, message.Status, body.Length, BodyHash = ContentHash.Of(body), Path = file.RelativePath, parsed.Position,
                Hash = ContentHash.Of(file.RelativePath + "\n" + parsed.Position.ToString(CultureInfo.InvariantCulture) + "\n" + body), Now = at,
            }, transaction);
            search.Upsert(messageId, body);
            count++;
        }

        connection.Execute(FileSql, new
        {
            Path = file.RelativePath, file.Length, LastWrite = PostgresClock.Utc(lastWrite), Kind = file.Kind.ToString(), Conversation = conversationId,
            Reservation = reservationId, Listing = listingId, Messages = count, Problems = file.Result.Problems.Count,
            FirstProblem = file.Result.Problems.Count > 0 ? file.Result.Problems[0].Reason : null, Now = at,
        }, transaction);
        return count;
    }
}
