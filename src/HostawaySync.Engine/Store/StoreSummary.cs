using System.Data;
using System.Data.Common;
using Dapper;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Queries.Postgres;
using HostawaySync.Engine.Queries.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HostawaySync.Engine.Store;

/// <summary>
/// What a database holds, read without leaving any trace (no lock, no new WAL side files), with every committed change
/// included (those still in the WAL too): what <see cref="Sync.SyncPlanner"/> plans from, for -WhatIf, -IfDue and the run.
/// </summary>
/// <param name="Listings">Live listings.</param>
/// <param name="Reservations">Live reservations.</param>
/// <param name="Conversations">Live conversations.</param>
/// <param name="Messages">Messages stored.</param>
/// <param name="LastSuccessAt">End of the last successful run (UTC), or null.</param>
/// <param name="EverSynced">Whether a sync has ever completed a pass.</param>
public sealed record StoreSummary(long Listings, long Reservations, long Conversations, long Messages, DateTime? LastSuccessAt, bool EverSynced)
{
    /// <summary>Live reviews (0 in a database not upgraded to hold them yet).</summary>
    public long Reviews { get; init; }

    /// <summary>The sync_state rows (cursors, unfinished passes, last full and successful passes) of every resource.</summary>
    internal IReadOnlyList<SyncStateRow> States { get; init; } = [];

    /// <summary>The account's rate limit as the last run that found it stored it (the auto budget starts there), or null.</summary>
    public Api.RateLimitFinding? RateLimit { get; init; }

    /// <inheritdoc />
    public bool Equals(StoreSummary? other) =>
        other is not null
        && (Listings, Reservations, Conversations, Messages, Reviews, LastSuccessAt, EverSynced) == (other.Listings, other.Reservations, other.Conversations, other.Messages, other.Reviews, other.LastSuccessAt, other.EverSynced)
        && States.SequenceEqual(other.States) && RateLimit == other.RateLimit;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Listings, Reservations, Conversations, Messages, Reviews, LastSuccessAt, EverSynced, States.Count);

    /// <summary>What a store open for writing says about its passes (<paramref name="states"/>), with no counts: enough to plan a run, not to estimate it.</summary>
    internal static StoreSummary FromStates(IReadOnlyList<SyncStateRow> states) =>
        new(0, 0, 0, 0, null, states.Any(s => s.LastSuccessAt is not null)) { States = states };

    /// <summary>The sync_state row of <paramref name="resource"/> (listings, reservations, conversations, reviews), or null.</summary>
    internal SyncStateRow? State(string resource) => States.FirstOrDefault(s => s.Resource == resource);

    /// <summary>
    /// Reads the summary, or returns null when there is no usable HostawaySync database there: no file or no schema, one
    /// HostawaySync cannot use, or a PostgreSQL server that cannot be reached or refuses the user.
    /// </summary>
    public static StoreSummary? TryRead(StoreLocation location) => location switch
    {
        SqliteStoreLocation sqlite => TryReadSqlite(sqlite.Path),
        PostgresStoreLocation postgres => TryReadPostgres(new PostgresReadDialect(postgres.Target)),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown store location."),
    };

    private static StoreSummary? TryReadSqlite(string databasePath)
    {
        DatabaseInspection inspection;
        try
        {
            inspection = DatabaseInitializer.Inspect(databasePath);
        }
        catch (Errors.HostawayException)
        {
            return null;
        }

        if (!inspection.Exists || inspection.SchemaVersion == 0)
        {
            return null;
        }

        // Without a WAL file (or with an empty one) the database file holds everything: immutable=1 reads it without locks
        // or side files. With a WAL, committed changes may still be only there, which immutable=1 would ignore: an ordinary
        // read-only connection reads them through the -wal and -shm files the writer has, and creates none. Should that
        // fail (a WAL a crashed writer left, which a read-only connection may not recover), the file alone is read.
        var wal = new FileInfo(inspection.Path + "-wal");
        if (wal.Exists && wal.Length > 0 && File.Exists(inspection.Path + "-shm"))
        {
            try
            {
                return ReadSqlite(inspection.Path, string.Empty, databasePath);
            }
            catch (SqliteException)
            {
                // Read the file alone below.
            }
        }

        try
        {
            return ReadSqlite(inspection.Path, "?immutable=1", databasePath);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static StoreSummary ReadSqlite(string path, string query, string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={new Uri(path).AbsoluteUri}{query};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return Read(connection, new SqliteReadDialect(databasePath));
    }

    private static StoreSummary? TryReadPostgres(PostgresReadDialect dialect)
    {
        try
        {
            using var connection = dialect.Open();
            return Read(connection, dialect);
        }
        catch (Exception exception) when (exception is Errors.HostawayException or NpgsqlException)
        {
            return null;
        }
    }

    private static StoreSummary Read(DbConnection connection, ReadDialect dialect)
    {
        // One snapshot for the counts and the states: a sync committing meanwhile is seen in both or in neither.
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var row = connection.QuerySingle<(long Listings, long Reservations, long Conversations, long Messages, string? LastSuccessAt, bool EverSynced)>(
            $$"""
            SELECT (SELECT count(*) FROM listings WHERE deleted_at IS NULL AND raw_json <> '{}') AS Listings,
                   (SELECT count(*) FROM reservations WHERE deleted_at IS NULL) AS Reservations,
                   (SELECT count(*) FROM conversations WHERE deleted_at IS NULL) AS Conversations,
                   (SELECT count(*) FROM messages_metadata) AS Messages,
                   (SELECT {{dialect.InstantText("max(finished_at)")}} FROM sync_logs WHERE resource = 'Run' AND status = 'Succeeded') AS LastSuccessAt,
                   (SELECT count(*) > 0 FROM sync_state WHERE last_success_at IS NOT NULL) AS EverSynced;
            """,
            transaction: transaction);
        var states = connection.Query<SyncStateRow>(
            $"SELECT resource AS Resource, cursor AS Cursor, checkpoint AS Checkpoint, {dialect.InstantText("last_full_sync_at")} AS LastFullSyncAt, "
            + $"{dialect.InstantText("last_success_at")} AS LastSuccessAt FROM sync_state WHERE resource IN ('listings', 'reservations', 'conversations', 'reviews') ORDER BY resource;",
            transaction: transaction).ToList();
        var reviews = connection.ExecuteScalar<long>(dialect.HasReviewsSql, transaction: transaction) == 0
            ? 0
            : connection.ExecuteScalar<long>("SELECT count(*) FROM reviews WHERE deleted_at IS NULL;", transaction: transaction);
        var rateLimit = connection.QuerySingleOrDefault<string?>(
            "SELECT checkpoint FROM sync_state WHERE resource = @Resource;", new { Resource = Api.RateLimitState.StateName }, transaction);
        return new StoreSummary(row.Listings, row.Reservations, row.Conversations, row.Messages, StoreClock.Parse(row.LastSuccessAt), row.EverSynced)
        {
            Reviews = reviews,
            States = states,
            RateLimit = Api.RateLimitState.FromJson(rateLimit)?.Finding,
        };
    }
}
