using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>Reads which HostawaySync schema version a PostgreSQL schema holds, refusing what HostawaySync must not touch.</summary>
internal static class PostgresSchemaVersion
{
    // Other tools name their version table schema_migrations too (Rails, golang-migrate): only one with HostawaySync's
    // applied_at and module_version columns counts as ours.
    private const string InspectSql = """
        SELECT
            (SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = @Schema AND c.relkind IN ('r', 'p', 'v', 'm', 'f')) AS Relations,
            (SELECT count(*) = 2 FROM information_schema.columns
             WHERE table_schema = @Schema AND table_name = 'schema_migrations' AND column_name IN ('applied_at', 'module_version')) AS HasVersionTable;
        """;

    /// <summary>The version recorded in the schema; 0 when the schema is missing or empty.</summary>
    public static int Read(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresTarget target)
    {
        var (relations, hasVersionTable) = connection.QuerySingle<(long Relations, bool HasVersionTable)>(InspectSql, new { target.Schema }, transaction);
        if (!hasVersionTable)
        {
            return relations == 0 ? 0 : throw PostgresErrors.Foreign(target, relations);
        }

        var version = connection.ExecuteScalar<int>($"SELECT coalesce(max(version), 0) FROM {target.QuotedSchema}.schema_migrations;", transaction: transaction);
        return version > PostgresDatabaseInitializer.CurrentSchemaVersion
            ? throw PostgresErrors.SchemaTooNew(target, version, PostgresDatabaseInitializer.CurrentSchemaVersion)
            : version;
    }
}
