namespace HostawaySync.Engine.Store.Postgres;

/// <summary>What <see cref="PostgresSchemaSetup.Inspect"/> found in a PostgreSQL schema, without changing anything.</summary>
/// <param name="Url">The database's URL without the password.</param>
/// <param name="Schema">The schema HostawaySync owns.</param>
/// <param name="SchemaVersion">HostawaySync schema version in it (0 when the schema is missing or empty).</param>
/// <param name="TargetSchemaVersion">Schema version this engine would bring it to.</param>
/// <param name="PlannedAction">What initializing would do.</param>
public sealed record PostgresSchemaInspection(string Url, string Schema, int SchemaVersion, int TargetSchemaVersion, DatabaseAction PlannedAction);
