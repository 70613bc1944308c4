using Dapper;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>
/// What a database held at one moment, read through a read-only connection: the integrity check, and the ids of
/// the committed rows of every table the engine only ever adds to or soft-deletes. Comparing two snapshots proves
/// that an interruption lost nothing that had been committed. Shared by the xUnit tests and the chaos runs.
/// </summary>
public sealed class StoreSnapshot
{
    /// <summary>Tables whose rows are never removed (deletions only set deleted_at), with their key column.</summary>
    public static readonly IReadOnlyList<(string Table, string Key)> Tables =
    [
        ("listings", "listing_id"), ("reservations", "reservation_id"), ("guests", "guest_id"), ("conversations", "conversation_id"), ("messages_metadata", "message_id"),
    ];

    private StoreSnapshot(string integrity, IReadOnlyDictionary<string, HashSet<long>> ids, string? runningResource, long lastRunLogId)
    {
        Integrity = integrity;
        Ids = ids;
        RunningResource = runningResource;
        LastRunLogId = lastRunLogId;
    }

    /// <summary>The result of <c>PRAGMA integrity_check</c> ("ok" when sound); "no database" before the first run created one.</summary>
    public string Integrity { get; }

    /// <summary>Committed row ids per table.</summary>
    public IReadOnlyDictionary<string, HashSet<long>> Ids { get; }

    /// <summary>The resource a sync was working on (its sync-log row still Running), or null.</summary>
    public string? RunningResource { get; }

    /// <summary>The sync-log id of the latest run's row (0 when none): a larger one in a later snapshot means a run began in between.</summary>
    public long LastRunLogId { get; }

    /// <summary>Rows per table.</summary>
    public long Count(string table) => Ids[table].Count;

    /// <summary>Rows of all the tables together.</summary>
    public long Total => Ids.Values.Sum(s => (long)s.Count);

    /// <summary>Reads the store of <paramref name="harness"/>, SQLite or PostgreSQL.</summary>
    public static StoreSnapshot Read(SyncHarness harness) =>
        harness.Store is HostawaySync.Engine.Store.PostgresStoreLocation postgres ? ReadPostgres(postgres) : Read(harness.DatabasePath);

    // PostgreSQL has no integrity_check: its own consistency is the server's job; what matters here is what was committed.
    private static StoreSnapshot ReadPostgres(HostawaySync.Engine.Store.PostgresStoreLocation location)
    {
        using var db = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(location.Target.ConnectionString) { SearchPath = location.Schema, Pooling = false }.ConnectionString);
        db.Open();
        using var transaction = db.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var hasSchema = db.ExecuteScalar<bool>("SELECT to_regclass('sync_logs') IS NOT NULL;", transaction: transaction);
        if (!hasSchema)
        {
            return new StoreSnapshot("no database", Tables.ToDictionary(t => t.Table, _ => new HashSet<long>()), null, 0);
        }

        var ids = Tables.ToDictionary(t => t.Table, t => db.Query<long>($"SELECT {t.Key} FROM {t.Table};", transaction: transaction).ToHashSet());
        var running = db.ExecuteScalar<string?>("SELECT resource FROM sync_logs WHERE status = 'Running' ORDER BY sync_log_id DESC LIMIT 1;", transaction: transaction);
        var lastRun = db.ExecuteScalar<long>("SELECT coalesce(max(sync_log_id), 0) FROM sync_logs WHERE resource = 'Run';", transaction: transaction);
        return new StoreSnapshot("ok", ids, running, lastRun);
    }

    public static StoreSnapshot Read(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return new StoreSnapshot("no database", Tables.ToDictionary(t => t.Table, _ => new HashSet<long>()), null, 0);
        }

        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString());
        db.Open();
        // One read transaction, so every table comes from the same committed state even while a sync writes.
        using var transaction = db.BeginTransaction(deferred: true);
        var integrity = string.Join("; ", db.Query<string>("PRAGMA integrity_check;", transaction: transaction));
        var hasSchema = db.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sync_logs';", transaction: transaction) > 0;
        var ids = Tables.ToDictionary(
            t => t.Table,
            t => hasSchema ? db.Query<long>($"SELECT {t.Key} FROM {t.Table};", transaction: transaction).ToHashSet() : []);
        var running = hasSchema
            ? db.ExecuteScalar<string?>("SELECT resource FROM sync_logs WHERE status = 'Running' ORDER BY sync_log_id DESC LIMIT 1;", transaction: transaction)
            : null;
        var lastRun = hasSchema ? db.ExecuteScalar<long>("SELECT coalesce(max(sync_log_id), 0) FROM sync_logs WHERE resource = 'Run';", transaction: transaction) : 0;
        return new StoreSnapshot(integrity, ids, running, lastRun);
    }

    /// <summary>Rows of this snapshot that <paramref name="later"/> no longer has, e.g. "reservations: 3 rows lost (first 1234)"; empty when none.</summary>
    public IReadOnlyList<string> LostIn(StoreSnapshot later)
    {
        var problems = new List<string>();
        foreach (var (table, _) in Tables)
        {
            var lost = Ids[table].Where(id => !later.Ids[table].Contains(id)).ToList();
            if (lost.Count > 0)
            {
                problems.Add($"{table}: {lost.Count} committed rows lost (first {lost.Min()}); {Count(table)} -> {later.Count(table)} rows");
            }
        }

        return problems;
    }
}
