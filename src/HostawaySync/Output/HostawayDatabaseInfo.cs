using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;

namespace HostawaySync.Output;

/// <summary>What Initialize-HostawayDatabase returns: the SQLite database or PostgreSQL schema it created, upgraded or checked.</summary>
public sealed class HostawayDatabaseInfo
{
    private HostawayDatabaseInfo()
    {
    }

    /// <summary>SQLite or PostgreSQL.</summary>
    public string Provider { get; private init; } = string.Empty;

    /// <summary>Full path of the SQLite database file; empty for PostgreSQL.</summary>
    public string? Path { get; private init; }

    /// <summary>The PostgreSQL database as a URL without the password; empty for SQLite.</summary>
    public string? DatabaseUrl { get; private init; }

    /// <summary>The PostgreSQL schema that holds HostawaySync's tables; empty for SQLite.</summary>
    public string? Schema { get; private init; }

    /// <summary>Schema version of the database now.</summary>
    public int SchemaVersion { get; private init; }

    /// <summary>Schema version before this call (0 for a new database or schema).</summary>
    public int PreviousSchemaVersion { get; private init; }

    /// <summary>Created, Upgraded or Unchanged.</summary>
    public string Action { get; private init; } = string.Empty;

    /// <summary>Tables in the database (or schema), sorted by name.</summary>
    public string[] Tables { get; private init; } = [];

    /// <summary>SQLite journal mode (wal); empty for PostgreSQL.</summary>
    public string? JournalMode { get; private init; }

    /// <summary>Version of the SQLite library the module uses; empty for PostgreSQL.</summary>
    public string? SqliteVersion { get; private init; }

    /// <summary>Size of the SQLite database file in bytes; empty for PostgreSQL.</summary>
    public long? SizeBytes { get; private init; }

    /// <summary>The PostgreSQL server's version; empty for SQLite.</summary>
    public string? ServerVersion { get; private init; }

    internal static HostawayDatabaseInfo From(DatabaseInfo info) => new()
    {
        Provider = "SQLite",
        Path = info.Path,
        SchemaVersion = info.SchemaVersion,
        PreviousSchemaVersion = info.PreviousSchemaVersion,
        Action = info.Action.ToString(),
        Tables = [.. info.Tables],
        JournalMode = info.JournalMode,
        SqliteVersion = info.SqliteVersion,
        SizeBytes = info.SizeBytes,
    };

    internal static HostawayDatabaseInfo From(PostgresSchemaInfo info) => new()
    {
        Provider = "PostgreSQL",
        DatabaseUrl = info.Url,
        Schema = info.Schema,
        SchemaVersion = info.SchemaVersion,
        PreviousSchemaVersion = info.PreviousSchemaVersion,
        Action = info.Action.ToString(),
        Tables = [.. info.Tables],
        ServerVersion = info.ServerVersion,
    };
}
