using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Cursors, checkpoints, seen ids and soft deletes in PostgreSQL, as <see cref="SyncBookkeeping"/> keeps them in SQLite.
/// Cursors and checkpoints are text columns, so they come back exactly as given; the times are timestamptz, read back as
/// store time text. Id lists travel as one bigint[] parameter.
/// </summary>
internal static class PostgresBookkeeping
{
    private static readonly string ReadStateSql =
        $"SELECT resource AS Resource, cursor AS Cursor, checkpoint AS Checkpoint, {PostgresClock.Text("last_full_sync_at")} AS LastFullSyncAt, "
        + $"{PostgresClock.Text("last_success_at")} AS LastSuccessAt FROM sync_state WHERE resource = @Resource;";

    public static SyncStateRow? ReadState(NpgsqlConnection connection, string resource) =>
        connection.QuerySingleOrDefault<SyncStateRow>(ReadStateSql, new { Resource = resource });

    public static void SaveCheckpoint(NpgsqlConnection connection, NpgsqlTransaction transaction, string resource, string? checkpoint, string now) =>
        connection.Execute(
            StoreStatements.SaveCheckpoint, new { Resource = resource, Checkpoint = checkpoint, Now = PostgresClock.Utc(now) }, transaction);

    public static void CompletePass(NpgsqlConnection connection, NpgsqlTransaction transaction, string resource, string? cursor, bool full, string now) =>
        connection.Execute(
            StoreStatements.CompletePass, new { Resource = resource, Cursor = cursor, Full = full, Now = PostgresClock.Utc(now) }, transaction);

    public static void ClearSeen(NpgsqlConnection connection, NpgsqlTransaction transaction, string resource) =>
        connection.Execute("DELETE FROM sync_seen WHERE resource = @Resource;", new { Resource = resource }, transaction);

    public static void MarkSeen(NpgsqlConnection connection, NpgsqlTransaction transaction, string resource, IEnumerable<long> ids) =>
        connection.Execute(
            "INSERT INTO sync_seen (resource, object_id) SELECT @Resource, id FROM unnest(@Ids) AS ids (id) ON CONFLICT DO NOTHING;",
            new { Resource = resource, Ids = ids.Distinct().ToArray() }, transaction);

    public static int SeenCount(NpgsqlConnection connection, string resource) =>
        connection.ExecuteScalar<int>("SELECT count(*) FROM sync_seen WHERE resource = @Resource;", new { Resource = resource });

    // The identifiers come from StoreTable's constants, never from input. Placeholder rows (raw_json '{}') are not live data.
    public static IReadOnlyList<long> Unseen(NpgsqlConnection connection, string resource, StoreTable table) =>
        connection.Query<long>(
            $"SELECT t.{table.IdColumn} FROM {table.Name} t WHERE t.deleted_at IS NULL AND t.raw_json <> '{{}}'::jsonb AND NOT EXISTS (SELECT 1 FROM sync_seen s WHERE s.resource = @Resource AND s.object_id = t.{table.IdColumn});",
            new { Resource = resource }).AsList();

    public static IReadOnlyList<long> UnseenReviewsDepartingSince(NpgsqlConnection connection, string resource, string since) =>
        connection.Query<long>(
            "SELECT t.review_id FROM reviews t WHERE t.deleted_at IS NULL AND t.departure_at >= @Since AND NOT EXISTS (SELECT 1 FROM sync_seen s WHERE s.resource = @Resource AND s.object_id = t.review_id);",
            new { Resource = resource, Since = PostgresClock.Utc(since) }).AsList();

    public static int SoftDelete(NpgsqlConnection connection, NpgsqlTransaction transaction, StoreTable table, IReadOnlyCollection<long> ids, string now) =>
        ids.Count == 0 ? 0 : connection.Execute(
            $"UPDATE {table.Name} SET deleted_at = @Now WHERE {table.IdColumn} = ANY(@Ids) AND deleted_at IS NULL;",
            new { Now = PostgresClock.Utc(now), Ids = ids.ToArray() }, transaction);

    public static IReadOnlyList<long> ReservationsWithoutSeenConversation(NpgsqlConnection connection, string resource) =>
        connection.Query<long>(StoreStatements.ReservationsWithoutSeenConversation, new { Resource = resource }).AsList();

    public static long LiveCount(NpgsqlConnection connection, StoreTable table) =>
        connection.ExecuteScalar<long>($"SELECT count(*) FROM {table.Name} WHERE deleted_at IS NULL{(table == StoreTable.Listings ? " AND raw_json <> '{}'::jsonb" : string.Empty)};");
}
