using Dapper;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Cursors, checkpoints and the ids a full pass has seen. Every write here happens in the transaction of the
/// page it describes, so the cursor never runs ahead of the data.
/// </summary>
internal static class SyncBookkeeping
{
    public static SyncStateRow? ReadState(SqliteConnection connection, string resource, SqliteTransaction? transaction = null) =>
        connection.QuerySingleOrDefault<SyncStateRow>(
            "SELECT resource AS Resource, cursor AS Cursor, checkpoint AS Checkpoint, last_full_sync_at AS LastFullSyncAt, last_success_at AS LastSuccessAt FROM sync_state WHERE resource = @Resource;",
            new { Resource = resource }, transaction);

    public static void SaveCheckpoint(SqliteConnection connection, SqliteTransaction transaction, string resource, string? checkpoint, string now) =>
        connection.Execute(
            StoreStatements.SaveCheckpoint, new { Resource = resource, Checkpoint = checkpoint, Now = now }, transaction);

    /// <summary>Ends a pass: the new cursor replaces the old, the checkpoint goes.</summary>
    public static void CompletePass(SqliteConnection connection, SqliteTransaction transaction, string resource, string? cursor, bool full, string now) =>
        connection.Execute(
            StoreStatements.CompletePass, new { Resource = resource, Cursor = cursor, Full = full, Now = now }, transaction);

    public static void ClearSeen(SqliteConnection connection, SqliteTransaction transaction, string resource) =>
        connection.Execute("DELETE FROM sync_seen WHERE resource = @Resource;", new { Resource = resource }, transaction);

    /// <summary>Records ids as seen: one statement for the whole page (ids travel as a JSON array of integers), not one per id.</summary>
    public static void MarkSeen(SqliteConnection connection, SqliteTransaction transaction, string resource, IEnumerable<long> ids) =>
        connection.Execute(
            "INSERT OR IGNORE INTO sync_seen (resource, object_id) SELECT @Resource, value FROM json_each(@Ids);",
            new { Resource = resource, Ids = JsonIds.Of(ids) }, transaction);

    public static int SeenCount(SqliteConnection connection, string resource, SqliteTransaction? transaction = null) =>
        connection.ExecuteScalar<int>("SELECT count(*) FROM sync_seen WHERE resource = @Resource;", new { Resource = resource }, transaction);

    /// <summary>Live rows of <paramref name="table"/> the pass did not see.</summary>
    public static IReadOnlyList<long> Unseen(SqliteConnection connection, string resource, StoreTable table, SqliteTransaction? transaction = null) =>
        connection.Query<long>(
            $"SELECT t.{table.IdColumn} FROM {table.Name} t WHERE t.deleted_at IS NULL AND t.raw_json <> '{{}}' AND NOT EXISTS (SELECT 1 FROM sync_seen s WHERE s.resource = @Resource AND s.object_id = t.{table.IdColumn});",
            new { Resource = resource }, transaction).AsList();

    /// <summary>Live reviews departing on or after <paramref name="since"/> (a date) the pass of <paramref name="resource"/> did not see.</summary>
    public static IReadOnlyList<long> UnseenReviewsDepartingSince(SqliteConnection connection, string resource, string since) =>
        connection.Query<long>(
            "SELECT t.review_id FROM reviews t WHERE t.deleted_at IS NULL AND t.departure_at >= @Since AND NOT EXISTS (SELECT 1 FROM sync_seen s WHERE s.resource = @Resource AND s.object_id = t.review_id);",
            new { Resource = resource, Since = since }).AsList();

    /// <summary>Marks rows deleted (never removes them); returns how many changed.</summary>
    public static int SoftDelete(SqliteConnection connection, SqliteTransaction transaction, StoreTable table, IReadOnlyCollection<long> ids, string now) =>
        ids.Count == 0 ? 0 : connection.Execute(
            $"UPDATE {table.Name} SET deleted_at = @Now WHERE {table.IdColumn} IN (SELECT value FROM json_each(@Ids)) AND deleted_at IS NULL;", new { Now = now, Ids = JsonIds.Of(ids) }, transaction);

    /// <summary>Live reservations none of whose conversations a conversations pass (<paramref name="resource"/>) has seen.</summary>
    public static IReadOnlyList<long> ReservationsWithoutSeenConversation(SqliteConnection connection, string resource) =>
        connection.Query<long>(
            StoreStatements.ReservationsWithoutSeenConversation, new { Resource = resource }).AsList();

    /// <summary>Live rows of <paramref name="table"/>; placeholder listings (raw_json '{}') stand in for listings the API never listed and are not counted.</summary>
    public static long LiveCount(SqliteConnection connection, StoreTable table) =>
        connection.ExecuteScalar<long>($"SELECT count(*) FROM {table.Name} WHERE deleted_at IS NULL{(table == StoreTable.Listings ? " AND raw_json <> '{}'" : string.Empty)};");
}
