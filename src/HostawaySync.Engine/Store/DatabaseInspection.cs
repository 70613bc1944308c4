namespace HostawaySync.Engine.Store;

/// <summary>What <see cref="DatabaseInitializer.Inspect"/> found at a database path, without writing anything.</summary>
/// <param name="Path">Full path of the database file.</param>
/// <param name="Exists">Whether the file exists.</param>
/// <param name="SchemaVersion">Schema version recorded in the file header (0 for a new or empty file).</param>
/// <param name="TargetSchemaVersion">Schema version this engine would bring it to.</param>
/// <param name="PlannedAction">What initializing would do.</param>
public sealed record DatabaseInspection(string Path, bool Exists, int SchemaVersion, int TargetSchemaVersion, DatabaseAction PlannedAction);
