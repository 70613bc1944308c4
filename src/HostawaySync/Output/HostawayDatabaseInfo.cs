namespace HostawaySync.Output;

/// <summary>What Initialize-HostawayDatabase returns: the database it created, upgraded or checked.</summary>
public sealed class HostawayDatabaseInfo
{
    internal HostawayDatabaseInfo(string path, int schemaVersion, int previousSchemaVersion, string action, string[] tables, string journalMode, string sqliteVersion, long sizeBytes)
    {
        Path = path;
        SchemaVersion = schemaVersion;
        PreviousSchemaVersion = previousSchemaVersion;
        Action = action;
        Tables = tables;
        JournalMode = journalMode;
        SqliteVersion = sqliteVersion;
        SizeBytes = sizeBytes;
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Schema version of the database now.</summary>
    public int SchemaVersion { get; }

    /// <summary>Schema version before this call (0 for a new database).</summary>
    public int PreviousSchemaVersion { get; }

    /// <summary>Created, Upgraded or Unchanged.</summary>
    public string Action { get; }

    /// <summary>Tables in the database, sorted by name.</summary>
    public string[] Tables { get; }

    /// <summary>SQLite journal mode (wal).</summary>
    public string JournalMode { get; }

    /// <summary>Version of the SQLite library the module uses.</summary>
    public string SqliteVersion { get; }

    /// <summary>Size of the database file in bytes.</summary>
    public long SizeBytes { get; }
}
