namespace HostawaySync.Engine.Store;

/// <summary>Describes a HostawaySync database after <see cref="DatabaseInitializer.Initialize(string, string?)"/>.</summary>
/// <param name="Path">Full path of the database file.</param>
/// <param name="SchemaVersion">Schema version now in the database.</param>
/// <param name="PreviousSchemaVersion">Schema version before (0 for a new database).</param>
/// <param name="Action">What initializing did.</param>
/// <param name="Tables">The tables of the database, sorted by name.</param>
/// <param name="JournalMode">SQLite journal mode (wal).</param>
/// <param name="SqliteVersion">Version of the SQLite library in use.</param>
/// <param name="SizeBytes">Size of the database file in bytes.</param>
public sealed record DatabaseInfo(
    string Path,
    int SchemaVersion,
    int PreviousSchemaVersion,
    DatabaseAction Action,
    IReadOnlyList<string> Tables,
    string JournalMode,
    string SqliteVersion,
    long SizeBytes);
