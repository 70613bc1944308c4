using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Creates HostawaySync's schema and tables in an existing PostgreSQL database and brings them to the current
/// PostgreSQL schema version. Like the SQLite initializer it refuses, changing nothing, a schema another application
/// uses or one a newer HostawaySync wrote; and it never creates a database.
/// </summary>
internal static class PostgresDatabaseInitializer
{
    /// <summary>How long an initializer waits for another one (or a later migration) holding the schema lock.</summary>
    private const string LockTimeout = "SET LOCAL lock_timeout = '60s';";

    /// <summary>The PostgreSQL schema version this engine creates and understands.</summary>
    public static int CurrentSchemaVersion => PostgresMigrationCatalog.LatestVersion;

    /// <summary>
    /// Creates the schema (when missing) and migrates it to <see cref="CurrentSchemaVersion"/>. Idempotent. Everything runs
    /// in one transaction, so a failure leaves the database as it was.
    /// </summary>
    /// <param name="connectionString">Npgsql connection string, keyword form.</param>
    /// <param name="schema">The schema HostawaySync owns in that database.</param>
    /// <param name="moduleVersion">Version of the module doing the work, recorded with each migration.</param>
    public static PostgresDatabaseInfo Initialize(string connectionString, string schema = PostgresTarget.DefaultSchema, string? moduleVersion = null) =>
        Initialize(connectionString, schema, moduleVersion, CurrentSchemaVersion);

    /// <summary>Creates or migrates the schema of <paramref name="target"/> to <see cref="CurrentSchemaVersion"/>.</summary>
    public static PostgresDatabaseInfo Initialize(PostgresTarget target, string? moduleVersion = null) =>
        Initialize(target, moduleVersion, CurrentSchemaVersion);

    /// <summary>Initializes up to <paramref name="targetVersion"/> only: what an older module would have built (tests of upgrades).</summary>
    internal static PostgresDatabaseInfo Initialize(string connectionString, string schema, string? moduleVersion, int targetVersion) =>
        Initialize(PostgresTarget.Parse(connectionString, schema), moduleVersion, targetVersion);

    private static PostgresDatabaseInfo Initialize(PostgresTarget target, string? moduleVersion, int targetVersion)
    {
        try
        {
            using var connection = new NpgsqlConnection(target.ConnectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            connection.Execute(LockTimeout, transaction: transaction);
            // Transaction-level, so it is released by the commit or rollback however this ends: a second initializer waits
            // here until the first has committed, then (read committed) sees its tables and version and has nothing to do.
            connection.Execute(
                "SELECT pg_advisory_xact_lock(@Application, hashtext(@Schema));",
                new { Application = StoreConnection.ApplicationId, target.Schema }, transaction);

            var before = PostgresSchemaVersion.Read(connection, transaction, target);
            if (before < targetVersion)
            {
                Migrate(connection, transaction, target, before, targetVersion, moduleVersion);
            }

            var tables = connection.Query<string>(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = @Schema ORDER BY table_name;",
                new { target.Schema }, transaction).AsList();
            transaction.Commit();

            var action = before >= targetVersion ? DatabaseAction.Unchanged : before == 0 ? DatabaseAction.Created : DatabaseAction.Upgraded;
            return new PostgresDatabaseInfo(target.ToString(), Math.Max(before, targetVersion), before, action, tables, connection.ServerVersion);
        }
        catch (Exception exception) when (exception is NpgsqlException && PostgresErrors.FromNpgsql(target, exception) is { } error)
        {
            throw error;
        }
    }

    private static void Migrate(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresTarget target, int before, int targetVersion, string? moduleVersion)
    {
        // Only when missing: CREATE SCHEMA IF NOT EXISTS still needs CREATE on the database, which a user given a schema by
        // its administrator need not have. The schema name is validated by PostgresTarget (identifiers cannot be parameters).
        var exists = connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = @Schema);", new { target.Schema }, transaction);
        if (!exists)
        {
            connection.Execute($"CREATE SCHEMA {target.QuotedSchema};", transaction: transaction);
        }

        // The migrations name nothing schema-qualified; pg_catalog stays implicitly first, so built-in types resolve as usual.
        connection.Execute($"SET LOCAL search_path TO {target.QuotedSchema};", transaction: transaction);
        foreach (var migration in PostgresMigrationCatalog.All.Where(m => m.Version > before && m.Version <= targetVersion))
        {
            connection.Execute(migration.Sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at, module_version) VALUES (@Version, @Name, now(), @ModuleVersion);",
                new { migration.Version, migration.Name, ModuleVersion = moduleVersion }, transaction);
        }
    }
}
