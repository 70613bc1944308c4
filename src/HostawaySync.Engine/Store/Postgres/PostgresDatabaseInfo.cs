namespace HostawaySync.Engine.Store.Postgres;

/// <summary>Describes a HostawaySync schema in PostgreSQL after <see cref="PostgresDatabaseInitializer.Initialize(string, string, string?)"/>.</summary>
/// <param name="Target">Server, database, user and schema (no password).</param>
/// <param name="SchemaVersion">PostgreSQL schema version now in the schema.</param>
/// <param name="PreviousSchemaVersion">Schema version before (0 for a new schema).</param>
/// <param name="Action">What initializing did.</param>
/// <param name="Tables">The tables of the schema, sorted by name.</param>
/// <param name="ServerVersion">The server's version, as it reports it.</param>
internal sealed record PostgresDatabaseInfo(
    string Target,
    int SchemaVersion,
    int PreviousSchemaVersion,
    DatabaseAction Action,
    IReadOnlyList<string> Tables,
    string ServerVersion);
