using HostawaySync.Engine.Errors;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>Opens SQLite connections with the settings every HostawaySync connection needs.</summary>
internal static class StoreConnection
{
    /// <summary>Identifies a HostawaySync database in the SQLite header ("HSYN").</summary>
    public const int ApplicationId = 0x4853594E;

    /// <summary>How long a connection waits for another writer before SQLite reports SQLITE_BUSY.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    // For connections that write (readers keep SQLite's defaults, so a large query never sorts in memory).
    // synchronous = NORMAL: in WAL mode a commit survives the process being killed (kill -9, a crash) and the database is
    // never corrupted; only a power cut can lose the last commits, which the next sync fetches again (cursors commit with
    // their data). FULL added an fsync to every commit. temp_store = MEMORY: statement journals (the page images SQLite
    // keeps to undo one statement) went to temporary files and cost several times the rows' own writes. cache_size: 16 MB
    // rather than 2 MB, so the index pages a group of pages touches are found again in memory rather than re-read.
    // wal_autocheckpoint = 8192 pages (32 MB) rather than 1,000: a group of pages dirties thousands, so every commit also
    // checkpointed (copying to the database and syncing it); fewer, larger checkpoints copy an index page once, not each time.
    private const string WriterPragmas = " PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 8192;";

    public static SqliteConnection Open(string path, SqliteOpenMode mode, TimeSpan? busyTimeout = null, bool pooling = true)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = pooling,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling((busyTimeout ?? DefaultBusyTimeout).TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {(int)(busyTimeout ?? DefaultBusyTimeout).TotalMilliseconds};"
                // Not on a file SQLite could only open read-only: the writer pragmas read the database, which would create
                // -wal/-shm side files with the read-only file's permissions (OpenForWriting refuses such a file first).
                + (mode == SqliteOpenMode.ReadOnly || SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1 ? string.Empty : WriterPragmas);
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a connection that is going to write. SQLite opens a file it may not write read-only without a word, and its
    /// first read would then create the -wal and -shm side files with the read-only file's permissions, which keep the
    /// database unwritable after the file itself is fixed. So a read-only open fails here, before anything is read.
    /// </summary>
    public static SqliteConnection OpenForWriting(string path, SqliteOpenMode mode, bool pooling)
    {
        var connection = Open(path, mode, pooling: pooling);
        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
        {
            connection.Dispose();
            throw StoreErrors.NotWritable(path, "the file is read-only.");
        }

        return connection;
    }

    /// <summary>Opens an existing HostawaySync database for reading; there being none is the user's error, not an empty answer.</summary>
    public static SqliteConnection OpenExisting(string databasePath)
    {
        var inspection = DatabaseInitializer.Inspect(databasePath);
        if (!inspection.Exists || inspection.SchemaVersion == 0)
        {
            throw new HostawayException(
                ErrorIds.DatabaseNotFound, ErrorKind.InvalidArgument, $"There is no HostawaySync database at '{inspection.Path}'.",
                "Run Invoke-HostawaySync first, or pass -DatabasePath (or set HOSTAWAY_DATABASE_PATH) to your database.", inspection.Path);
        }

        return Open(inspection.Path, SqliteOpenMode.ReadOnly, TimeSpan.FromSeconds(5));
    }
}
