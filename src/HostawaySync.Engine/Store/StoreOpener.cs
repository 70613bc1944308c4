using HostawaySync.Engine.Store.Postgres;

namespace HostawaySync.Engine.Store;

/// <summary>Opens the store at a <see cref="StoreLocation"/>, whichever provider it is: the one place that chooses.</summary>
internal static class StoreOpener
{
    /// <summary>
    /// Creates or migrates the database, then takes its writer lock (one sync at a time, across processes and, for
    /// PostgreSQL, machines), waiting up to <paramref name="lockTimeout"/> before failing with HostawaySyncInProgress.
    /// </summary>
    public static async Task<IDisposable> PrepareForWritingAsync(StoreLocation location, string? moduleVersion, TimeSpan lockTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        switch (location)
        {
            case SqliteStoreLocation sqlite:
                DatabaseInitializer.Initialize(sqlite.Path, moduleVersion);
                return await WriterLock.AcquireAsync(sqlite.Path, lockTimeout, time, cancellationToken).ConfigureAwait(false);
            case PostgresStoreLocation postgres:
                PostgresDatabaseInitializer.Initialize(postgres.Target, moduleVersion);
                return await PostgresWriterLock.AcquireAsync(postgres.Target, lockTimeout, time, cancellationToken).ConfigureAwait(false);
            default:
                throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown store location.");
        }
    }

    /// <summary>The store a sync run writes through, after <see cref="PrepareForWritingAsync"/>.</summary>
    public static ISyncStore OpenForWriting(StoreLocation location, string? moduleVersion) => location switch
    {
        SqliteStoreLocation sqlite => SqliteSyncStore.OpenForWriting(sqlite.Path),
        PostgresStoreLocation postgres => PostgresSyncStore.Open(postgres.Target, moduleVersion, initialize: false),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown store location."),
    };

    /// <summary>The store of an existing database, for reading (SyncVerifier); a missing database is an error, never created.</summary>
    public static ISyncStore OpenForReading(StoreLocation location) => location switch
    {
        SqliteStoreLocation sqlite => SqliteSyncStore.OpenForReading(sqlite.Path),
        PostgresStoreLocation postgres => PostgresSyncStore.OpenExisting(postgres.Target),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown store location."),
    };
}
