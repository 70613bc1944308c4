using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// What the conversations pass asks of the PostgreSQL store, as <see cref="ConversationProgress"/> answers it for
/// SQLite: SQLite's <c>IS NOT</c> is <c>IS DISTINCT FROM</c> here, and times come back as store time text.
/// </summary>
internal static class PostgresConversationProgress
{
    private static readonly string FactsSelect = $"""
        SELECT c.conversation_id AS ConversationId, c.reservation_id AS ReservationId, coalesce(c.listing_id, r.listing_id) AS ListingId,
               l.name AS ListingName, coalesce(r.guest_name, c.recipient_name) AS GuestName, r.guest_email AS GuestEmail,
               r.channel_name AS Channel, {PostgresClock.DateText("r.arrival_date")} AS ArrivalDate,
               {PostgresClock.DateText("r.departure_date")} AS DepartureDate, c.file_path AS FilePath
        """;

    private const string FactsFrom = """
        FROM conversations c
        LEFT JOIN reservations r ON r.reservation_id = c.reservation_id
        LEFT JOIN listings l ON l.listing_id = coalesce(c.listing_id, r.listing_id)
        """;

    public static IReadOnlyList<long> DueForMessages(NpgsqlConnection connection, string doneResource) =>
        connection.Query<long>(
            StoreStatements.ConversationsDueForMessages, new { Done = doneResource }).AsList();

    public static IReadOnlyList<long> ReservationsWithNewActivity(NpgsqlConnection connection, string horizon) =>
        connection.Query<long>(
            """
            SELECT reservation_id FROM reservations
            WHERE deleted_at IS NULL AND (conversations_synced_activity IS DISTINCT FROM latest_activity_on OR latest_activity_on >= @Horizon)
            ORDER BY reservation_id;
            """, new { Horizon = PostgresClock.Utc(horizon) }).AsList();

    public static IReadOnlyList<long> ListedReservations(NpgsqlConnection connection) =>
        connection.Query<long>("SELECT reservation_id FROM reservations WHERE deleted_at IS NULL AND raw_json <> '{}'::jsonb ORDER BY reservation_id;").AsList();

    public static string? NewestActivity(NpgsqlConnection connection) =>
        connection.ExecuteScalar<string?>($"SELECT {PostgresClock.Text("max(latest_activity_on)")} FROM reservations WHERE deleted_at IS NULL;");

    public static void ForgetChangedSince(NpgsqlConnection connection, NpgsqlTransaction transaction, string doneResource, string listedSince) =>
        connection.Execute(
            """
            DELETE FROM sync_seen WHERE resource = @Done AND object_id IN (
                SELECT conversation_id FROM conversations WHERE updated_at >= @ListedSince
                UNION
                SELECT c.conversation_id FROM conversations c JOIN reservations r ON r.reservation_id = c.reservation_id
                WHERE r.deleted_at IS NULL AND r.conversations_synced_activity IS DISTINCT FROM r.latest_activity_on);
            """,
            new { Done = doneResource, ListedSince = PostgresClock.Utc(listedSince) }, transaction);

    public static void MarkConversationlessSynced(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.Execute(
            """
            UPDATE reservations SET conversations_synced_activity = latest_activity_on
            WHERE deleted_at IS NULL AND conversations_synced_activity IS DISTINCT FROM latest_activity_on
              AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.reservation_id = reservations.reservation_id AND c.deleted_at IS NULL);
            """, transaction: transaction);

    public static void MarkSynced(NpgsqlConnection connection, NpgsqlTransaction transaction, long reservationId, bool onlyIfMoved) =>
        connection.Execute(
            "UPDATE reservations SET conversations_synced_activity = latest_activity_on WHERE reservation_id = @Id"
            + (onlyIfMoved ? " AND conversations_synced_activity IS DISTINCT FROM latest_activity_on;" : ";"),
            new { Id = reservationId }, transaction);

    public static IReadOnlyList<string> FilePaths(NpgsqlConnection connection) =>
        connection.Query<string>("SELECT file_path FROM conversations WHERE file_path IS NOT NULL;").AsList();

    public static IReadOnlyList<(string Path, string DeletedAt)> DeletedFiles(NpgsqlConnection connection) =>
        connection.Query<(string Path, string DeletedAt)>(
            $"""
            SELECT c.file_path, {PostgresClock.Text("least(c.deleted_at, r.deleted_at)")}
            FROM conversations c LEFT JOIN reservations r ON r.reservation_id = c.reservation_id
            WHERE c.file_path IS NOT NULL AND (c.deleted_at IS NOT NULL OR r.deleted_at IS NOT NULL)
            ORDER BY c.file_path COLLATE "C";
            """).AsList();

    public static ConversationFileFacts FileFacts(NpgsqlConnection connection, long conversationId) =>
        connection.QuerySingle<ConversationFileFacts>($"{FactsSelect} {FactsFrom} WHERE c.conversation_id = @Id;", new { Id = conversationId });

    public static IReadOnlyList<ConversationFileFacts> ReconcileCandidates(NpgsqlConnection connection) =>
        connection.Query<ConversationFileFacts>($"{FactsSelect}{StoreStatements.ReconcileCandidatesTail} {FactsFrom} {StoreStatements.ReconcileCandidatesWhere}").AsList();

    public static void StampFile(NpgsqlConnection connection, NpgsqlTransaction transaction, long conversationId, ConversationFileStamp stamp, bool messagesStored) =>
        connection.Execute(
            StoreStatements.StampConversationFile(messagesStored), new { stamp.Sha256, stamp.Bytes, stamp.HeaderMark, Id = conversationId }, transaction);

    public static void MarkAllSynced(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.Execute(StoreStatements.MarkAllConversationsSynced, transaction: transaction);

    public static void SetFile(NpgsqlConnection connection, NpgsqlTransaction transaction, long conversationId, string path, int messageCount) =>
        connection.Execute(
            "UPDATE conversations SET file_path = @Path, message_count = @Count WHERE conversation_id = @Id AND (file_path IS DISTINCT FROM @Path OR message_count IS DISTINCT FROM @Count);",
            new { Path = path, Count = messageCount, Id = conversationId }, transaction);
}
