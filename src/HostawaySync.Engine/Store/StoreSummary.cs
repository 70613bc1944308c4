using Dapper;
using Microsoft.Data.Sqlite;

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
    /// <summary>Reads the summary, or returns null when there is no usable HostawaySync database at that path.</summary>
    public static StoreSummary? TryRead(StoreLocation location)
    {
        if (location is not SqliteStoreLocation { Path: var databasePath })
        {
            throw new NotSupportedException("Reading a PostgreSQL store is not wired in yet.");
        }

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
            var row = connection.QuerySingle<(long Listings, long Reservations, long Conversations, long Messages, string? LastSuccessAt, bool EverSynced)>(
                """
                SELECT (SELECT count(*) FROM listings WHERE deleted_at IS NULL AND raw_json <> '{}') AS Listings,
                       (SELECT count(*) FROM reservations WHERE deleted_at IS NULL) AS Reservations,
                       (SELECT count(*) FROM conversations WHERE deleted_at IS NULL) AS Conversations,
                       (SELECT count(*) FROM messages_metadata) AS Messages,
                       (SELECT max(finished_at) FROM sync_logs WHERE resource = 'Run' AND status = 'Succeeded') AS LastSuccessAt,
                       (SELECT count(*) > 0 FROM sync_state WHERE last_success_at IS NOT NULL) AS EverSynced;
                """);
            return new StoreSummary(row.Listings, row.Reservations, row.Conversations, row.Messages, StoreClock.Parse(row.LastSuccessAt), row.EverSynced);
        }
        catch (SqliteException)
        {
            return null;
        }
    }
}
