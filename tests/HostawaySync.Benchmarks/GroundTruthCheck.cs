using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Whether a database equals the simulator's ground truth (as the engine tests' SyncHarness checks it): the live
/// listings and reservations are exactly the API's, with the same JSON; the live conversations are exactly the API's;
/// every message of every live conversation is stored and no other. Reports counts rather than failing. The SQL reads
/// SQLite and PostgreSQL alike (the same tables and columns; '{}' compares with a jsonb column as a jsonb value, and jsonb
/// hands its document back with its keys reordered, which a comparison of JSON values ignores).
/// </summary>
public static class GroundTruthCheck
{
    public static async Task<IReadOnlyList<TableComparison>> CompareAsync(HostawaySimulator simulator, string databasePath)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        return await CompareAsync(simulator, db);
    }

    /// <summary>The same comparison on an open connection to the store's tables (a SQLite file, or a PostgreSQL schema on the search path).</summary>
    public static async Task<IReadOnlyList<TableComparison>> CompareAsync(HostawaySimulator simulator, DbConnection db) =>
        [
            await CompareObjectsAsync(simulator, db, "listings", "listing_id"),
            await CompareObjectsAsync(simulator, db, "reservations", "reservation_id"),
            await CompareIdsAsync(simulator, db),
            await CompareMessagesAsync(simulator, db),
        ];

    private static async Task<TableComparison> CompareObjectsAsync(HostawaySimulator simulator, DbConnection db, string table, string idColumn)
    {
        var live = db.Query<long>($"SELECT {idColumn} FROM {table} WHERE deleted_at IS NULL AND raw_json <> '{{}}';").ToHashSet();
        using var lookup = db.CreateCommand();
        lookup.CommandText = $"SELECT raw_json FROM {table} WHERE {idColumn} = @id AND deleted_at IS NULL AND raw_json <> '{{}}';";
        var id = lookup.CreateParameter();
        id.ParameterName = "id";
        id.Value = 0L;
        lookup.Parameters.Add(id);
        lookup.Prepare();
        long truth = 0, missing = 0, differ = 0;
        var seen = new HashSet<long>();
        await foreach (var element in GroundTruthFeed.ReadAsync(simulator, table))
        {
            truth++;
            id.Value = element.GetProperty("id").GetInt64();
            seen.Add((long)id.Value);
            if (lookup.ExecuteScalar() is not string raw)
            {
                missing++;
            }
            else if (!JsonNode.DeepEquals(JsonNode.Parse(element.GetRawText()), JsonNode.Parse(raw)))
            {
                differ++;
            }
        }

        return new TableComparison(table, truth, live.Count, missing, live.Count(stored => !seen.Contains(stored)), differ);
    }

    private static async Task<TableComparison> CompareIdsAsync(HostawaySimulator simulator, DbConnection db)
    {
        var live = db.Query<long>("SELECT conversation_id FROM conversations WHERE deleted_at IS NULL;").ToHashSet();
        var truth = new HashSet<long>();
        await foreach (var element in GroundTruthFeed.ReadAsync(simulator, "conversations"))
        {
            truth.Add(element.GetProperty("id").GetInt64());
        }

        return new TableComparison("conversations", truth.Count, live.Count, truth.Count(t => !live.Contains(t)), live.Count(s => !truth.Contains(s)), 0);
    }

    private static async Task<TableComparison> CompareMessagesAsync(HostawaySimulator simulator, DbConnection db)
    {
        var stored = db.Query<(long, long)>(
            """
            SELECT m.conversation_id, m.message_id FROM messages_metadata m JOIN conversations c ON c.conversation_id = m.conversation_id
            WHERE c.deleted_at IS NULL AND m.message_id > 0;
            """).ToHashSet();
        var truth = (await GroundTruthFeed.MessageKeysAsync(simulator)).ToHashSet();
        return new TableComparison("messages", truth.Count, stored.Count, truth.Count(t => !stored.Contains(t)), stored.Count(s => !truth.Contains(s)), 0);
    }
}
