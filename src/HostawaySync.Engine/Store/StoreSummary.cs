using System.Data.Common;
using Dapper;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Queries.Postgres;
using HostawaySync.Engine.Queries.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HostawaySync.Engine.Store;

/// <summary>What a database holds, read without leaving any trace (no lock, no WAL side files): for -WhatIf plans and -IfDue checks.</summary>
/// <param name="Listings">Live listings.</param>
/// <param name="Reservations">Live reservations.</param>
/// <param name="Conversations">Live conversations.</param>
/// <param name="Messages">Messages stored.</param>
/// <param name="LastSuccessAt">End of the last successful run (UTC), or null.</param>
/// <param name="EverSynced">Whether a sync has ever completed a pass.</param>
public sealed record StoreSummary(long Listings, long Reservations, long Conversations, long Messages, DateTime? LastSuccessAt, bool EverSynced)
{
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

        // immutable=1: SQLite neither locks nor creates -wal/-shm files, so -WhatIf leaves the folder as it found it.
        var uri = new Uri(inspection.Path).AbsoluteUri + "?immutable=1";
        using var connection = new SqliteConnection($"Data Source={uri};Mode=ReadOnly;Pooling=False");
        try
        {
            connection.Open();
            return Read(connection, new SqliteReadDialect(databasePath));
        }
        catch (SqliteException)
        {
            return null;
        }
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
        var row = connection.QuerySingle<(long Listings, long Reservations, long Conversations, long Messages, string? LastSuccessAt, bool EverSynced)>(
            $$"""
            SELECT (SELECT count(*) FROM listings WHERE deleted_at IS NULL AND raw_json <> '{}') AS Listings,
                   (SELECT count(*) FROM reservations WHERE deleted_at IS NULL) AS Reservations,
                   (SELECT count(*) FROM conversations WHERE deleted_at IS NULL) AS Conversations,
                   (SELECT count(*) FROM messages_metadata) AS Messages,
                   (SELECT {{dialect.InstantText("max(finished_at)")}} FROM sync_logs WHERE resource = 'Run' AND status = 'Succeeded') AS LastSuccessAt,
                   (SELECT count(*) > 0 FROM sync_state WHERE last_success_at IS NOT NULL) AS EverSynced;
            """);
        return new StoreSummary(row.Listings, row.Reservations, row.Conversations, row.Messages, StoreClock.Parse(row.LastSuccessAt), row.EverSynced);
    }
}
