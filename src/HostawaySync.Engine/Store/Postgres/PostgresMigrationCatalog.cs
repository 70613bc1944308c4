namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// The PostgreSQL schema migrations compiled into this engine, in version order. Their versions count on their own:
/// PostgreSQL's version 1 is the whole SQLite schema of its version 4, and each later SQLite migration gets its
/// PostgreSQL twin here (a test compares the two schemas' table and column names).
/// </summary>
internal static class PostgresMigrationCatalog
{
    private const string Prefix = "HostawaySync.Engine.Store.Postgres.Migrations.";

    private static readonly Lazy<IReadOnlyList<Migration>> Loaded = new(() => MigrationCatalog.Load(Prefix));

    public static IReadOnlyList<Migration> All => Loaded.Value;

    /// <summary>The PostgreSQL schema version this engine writes.</summary>
    public static int LatestVersion => All[^1].Version;
}
