namespace HostawaySync.Engine.Errors;

/// <summary>
/// Stable error identifiers. They surface as the first part of a PowerShell FullyQualifiedErrorId and
/// scripts match on them, so an id is never renamed or re-purposed once shipped.
/// </summary>
public static class ErrorIds
{
    /// <summary>The database path is empty or malformed.</summary>
    public const string DatabasePathInvalid = "HostawayDatabasePathInvalid";

    /// <summary>The database path names an existing directory.</summary>
    public const string DatabasePathIsDirectory = "HostawayDatabasePathIsDirectory";

    /// <summary>The database file or its folder cannot be written.</summary>
    public const string DatabaseNotWritable = "HostawayDatabaseNotWritable";

    /// <summary>The file at the database path is not a SQLite database.</summary>
    public const string DatabaseNotSqlite = "HostawayDatabaseNotSqlite";

    /// <summary>The SQLite database is damaged.</summary>
    public const string DatabaseCorrupt = "HostawayDatabaseCorrupt";

    /// <summary>The database was written by a newer HostawaySync whose schema this version does not know.</summary>
    public const string DatabaseSchemaTooNew = "HostawayDatabaseSchemaTooNew";

    /// <summary>The database is not a HostawaySync database (foreign tables, no schema history).</summary>
    public const string DatabaseForeign = "HostawayDatabaseForeign";

    /// <summary>Another process holds a lock on the database longer than the busy timeout.</summary>
    public const string DatabaseLocked = "HostawayDatabaseLocked";
}
