using Dapper;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// What the conversations pass asks of the store: which conversations and reservations are due, each reservation's
/// durable "conversations synced" marker (the latest activity its conversations were fetched at), and each
/// conversation's file.
/// </summary>
internal static class ConversationProgress
{
    /// <summary>Live conversations whose messages a full pass (<paramref name="doneResource"/>) has not stored yet.</summary>
    public static IReadOnlyList<long> DueForMessages(SqliteConnection connection, string doneResource) =>
        connection.Query<long>(
            StoreStatements.ConversationsDueForMessages, new { Done = doneResource }).AsList();

    /// <summary>Live reservations whose activity moved since their conversations were fetched, or that were active since <paramref name="horizon"/>.</summary>
    public static IReadOnlyList<long> ReservationsWithNewActivity(SqliteConnection connection, string horizon) =>
        connection.Query<long>(
            """
            SELECT reservation_id FROM reservations
            WHERE deleted_at IS NULL AND (conversations_synced_activity IS NOT latest_activity_on OR latest_activity_on >= @Horizon)
            ORDER BY reservation_id;
            """, new { Horizon = horizon }).AsList();

    /// <summary>Live reservations the API listed (not placeholders), by id.</summary>
    public static IReadOnlyList<long> ListedReservations(SqliteConnection connection) =>
        connection.Query<long>("SELECT reservation_id FROM reservations WHERE deleted_at IS NULL AND raw_json <> '{}' ORDER BY reservation_id;").AsList();

    /// <summary>The latest activity among live reservations.</summary>
    public static string? NewestActivity(SqliteConnection connection) =>
        connection.ExecuteScalar<string?>("SELECT max(latest_activity_on) FROM reservations WHERE deleted_at IS NULL;");

    /// <summary>
    /// Conversations of a resumed full pass that may have new messages since the interrupted run stored theirs: their
    /// row changed in this listing, or their reservation's activity moved past what was fetched. They are fetched again.
    /// </summary>
    public static void ForgetChangedSince(SqliteConnection connection, SqliteTransaction transaction, string doneResource, string listedSince) =>
        connection.Execute(
            """
            DELETE FROM sync_seen WHERE resource = @Done AND object_id IN (
                SELECT conversation_id FROM conversations WHERE updated_at >= @ListedSince
                UNION
                SELECT c.conversation_id FROM conversations c JOIN reservations r ON r.reservation_id = c.reservation_id
                WHERE r.deleted_at IS NULL AND r.conversations_synced_activity IS NOT r.latest_activity_on);
            """,
            new { Done = doneResource, ListedSince = listedSince }, transaction);

    /// <summary>Reservations without any conversation have nothing more to fetch until their activity moves.</summary>
    public static void MarkConversationlessSynced(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute(
            """
            UPDATE reservations SET conversations_synced_activity = latest_activity_on
            WHERE deleted_at IS NULL AND conversations_synced_activity IS NOT latest_activity_on
              AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.reservation_id = reservations.reservation_id AND c.deleted_at IS NULL);
            """, transaction: transaction);

    /// <summary>Every conversation of the reservation is stored (an incremental pass): the marker catches up with its activity.</summary>
    public static void MarkSynced(SqliteConnection connection, SqliteTransaction transaction, long reservationId) =>
        connection.Execute(
            "UPDATE reservations SET conversations_synced_activity = latest_activity_on WHERE reservation_id = @Id;", new { Id = reservationId }, transaction);

    /// <summary>As <see cref="MarkSynced"/>, for a full pass, which writes only a marker that moved.</summary>
    public static void MarkSyncedIfMoved(SqliteConnection connection, SqliteTransaction transaction, long reservationId) =>
        connection.Execute(
            "UPDATE reservations SET conversations_synced_activity = latest_activity_on WHERE reservation_id = @Id AND conversations_synced_activity IS NOT latest_activity_on;",
            new { Id = reservationId }, transaction);

    /// <summary>The paths of the files that synced conversations own.</summary>
    public static IReadOnlyList<string> FilePaths(SqliteConnection connection) =>
        connection.Query<string>("SELECT file_path FROM conversations WHERE file_path IS NOT NULL;").AsList();

    /// <summary>The files of conversations deleted themselves or through their reservation, with the earlier deletion time.</summary>
    public static IReadOnlyList<(string Path, string DeletedAt)> DeletedFiles(SqliteConnection connection) =>
        connection.Query<(string Path, string DeletedAt)>(
            """
            SELECT c.file_path, coalesce(min(c.deleted_at, r.deleted_at), c.deleted_at, r.deleted_at)
            FROM conversations c LEFT JOIN reservations r ON r.reservation_id = c.reservation_id
            WHERE c.file_path IS NOT NULL AND (c.deleted_at IS NOT NULL OR r.deleted_at IS NOT NULL)
            ORDER BY c.file_path;
            """).AsList();

    private const string FactsSelect = """
        SELECT c.conversation_id AS ConversationId, c.reservation_id AS ReservationId, coalesce(c.listing_id, r.listing_id) AS ListingId,
               l.name AS ListingName, coalesce(r.guest_name, c.recipient_name) AS GuestName, r.guest_email AS GuestEmail,
               r.channel_name AS Channel, r.arrival_date AS ArrivalDate, r.departure_date AS DepartureDate, c.file_path AS FilePath
        """;

    private const string FactsFrom = """
        FROM conversations c
        LEFT JOIN reservations r ON r.reservation_id = c.reservation_id
        LEFT JOIN listings l ON l.listing_id = coalesce(c.listing_id, r.listing_id)
        """;

    /// <summary>What a conversation's file header says, and the file it already has.</summary>
    public static ConversationFileFacts FileFacts(SqliteConnection connection, long conversationId) =>
        connection.QuerySingle<ConversationFileFacts>($"{FactsSelect} {FactsFrom} WHERE c.conversation_id = @Id;", new { Id = conversationId });

    /// <summary>Live conversations (of live or unknown reservations) with their header facts, file stamp and change flag.</summary>
    public static IReadOnlyList<ConversationFileFacts> ReconcileCandidates(SqliteConnection connection) =>
        connection.Query<ConversationFileFacts>($"{FactsSelect}{StoreStatements.ReconcileCandidatesTail} {FactsFrom} {StoreStatements.ReconcileCandidatesWhere}").AsList();

    /// <summary>Records a conversation file's stamp; with <paramref name="messagesStored"/>, its messages match its list entry.</summary>
    public static void StampFile(SqliteConnection connection, SqliteTransaction transaction, long conversationId, ConversationFileStamp stamp, bool messagesStored) =>
        connection.Execute(
            StoreStatements.StampConversationFile(messagesStored), new { stamp.Sha256, stamp.Bytes, stamp.HeaderMark, Id = conversationId }, transaction);

    /// <summary>After a complete reconcile every live reservation's conversations are as the API has them: the markers catch up.</summary>
    public static void MarkAllSynced(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute(StoreStatements.MarkAllConversationsSynced, transaction: transaction);

    /// <summary>Records a conversation's file and message count (only when either changed).</summary>
    public static void SetFile(SqliteConnection connection, SqliteTransaction transaction, long conversationId, string path, int messageCount) =>
        connection.Execute(
            "UPDATE conversations SET file_path = @Path, message_count = @Count WHERE conversation_id = @Id AND (file_path IS NOT @Path OR message_count IS NOT @Count);",
            new { Path = path, Count = messageCount, Id = conversationId }, transaction);
}
