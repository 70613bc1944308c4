namespace HostawaySync.Engine.Store.Postgres;

/// <summary>Describes HostawaySync's PostgreSQL schema after <see cref="PostgresSchemaSetup.Initialize"/>.</summary>
/// <param name="Url">The database's URL without the password.</param>
/// <param name="Schema">The schema HostawaySync owns.</param>
/// <param name="SchemaVersion">Schema version now in it.</param>
/// <param name="PreviousSchemaVersion">Schema version before (0 for a new schema).</param>
/// <param name="Action">What initializing did.</param>
/// <param name="Tables">The tables of the schema, sorted by name.</param>
/// <param name="ServerVersion">The server's version, as it reports it.</param>
public sealed record PostgresSchemaInfo(
    string Url,
    string Schema,
    int SchemaVersion,
    int PreviousSchemaVersion,
    DatabaseAction Action,
    IReadOnlyList<string> Tables,
    string ServerVersion);
