using HostawaySync.Engine.Store.Copy;
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

    /// <summary>
    /// The store a sync run writes through, after <see cref="PrepareForWritingAsync"/>; given the writer lock it returned,
    /// a PostgreSQL store checks before each commit that the lock is still held (its session can end apart from the data's).
    /// </summary>
    public static ISyncStore OpenForWriting(StoreLocation location, string? moduleVersion, IDisposable? writerLock = null) => location switch
    {
        SqliteStoreLocation sqlite => SqliteSyncStore.OpenForWriting(sqlite.Path),
        PostgresStoreLocation postgres => PostgresSyncStore.Open(postgres.Target, moduleVersion, initialize: false, writerLock as PostgresWriterLock),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown store location."),
    };

    /// <summary>The store of an existing database, for reading (SyncVerifier); a missing database is an error, never created.</summary>
    public static ISyncStore OpenForReading(StoreLocation location) => location switch
    {
        SqliteStoreLocation sqlite => SqliteSyncStore.OpenForReading(sqlite.Path),
        PostgresStoreLocation postgres => PostgresSyncStore.OpenExisting(postgres.Target),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown store location."),
    };

    /// <summary>A copy's source: one read snapshot of an existing, current database; HostawayDatabaseNotFound when there is none.</summary>
    public static ICopySource OpenCopySource(StoreLocation location) => location switch
    {
        SqliteStoreLocation sqlite => SqliteCopySource.Open(sqlite),
        PostgresStoreLocation postgres => PostgresCopySource.Open(postgres),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown store location."),
    };

    /// <summary>A copy's destination, after <see cref="PrepareForWritingAsync"/>: its one transaction begun.</summary>
    public static ICopyDestination OpenCopyDestination(StoreLocation location) => location switch
    {
        SqliteStoreLocation sqlite => SqliteCopyDestination.Open(sqlite.Path),
        PostgresStoreLocation postgres => PostgresCopyDestination.Open(postgres.Target),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown store location."),
    };

    /// <summary>The rows of HostawaySync data a copy's destination holds, read without writing; null when it holds no HostawaySync database.</summary>
    public static long? ExistingCopyRows(StoreLocation location) => location switch
    {
        SqliteStoreLocation sqlite => SqliteCopyDestination.ExistingRows(sqlite.Path),
        PostgresStoreLocation postgres => PostgresCopyDestination.ExistingRows(postgres.Target),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown store location."),
    };
}
