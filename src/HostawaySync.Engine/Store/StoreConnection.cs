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
}
