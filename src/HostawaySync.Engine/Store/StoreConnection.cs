using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>Opens SQLite connections with the settings every HostawaySync connection needs.</summary>
internal static class StoreConnection
{
    /// <summary>Identifies a HostawaySync database in the SQLite header ("HSYN").</summary>
    public const int ApplicationId = 0x4853594E;

    /// <summary>How long a connection waits for another writer before SQLite reports SQLITE_BUSY.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

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
            command.CommandText = $"PRAGMA busy_timeout = {(int)(busyTimeout ?? DefaultBusyTimeout).TotalMilliseconds};";
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
}
