using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>PostgresDatabaseInitializer against a real server: creates, is idempotent, serializes, and refuses what is not its own.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresDatabaseInitializerTests(PostgresServer server)
{
    [PostgresFact]
    public void Creates_the_schema_records_the_version_and_a_second_run_changes_nothing()
    {
        using var database = server.CreateDatabase();

        var first = PostgresDatabaseInitializer.Initialize(database.ConnectionString, "team_a", "1.2.3");
        var before = Snapshot(database, "team_a");
        var second = PostgresDatabaseInitializer.Initialize(database.ConnectionString, "team_a", "1.2.3");

        Assert.Equal((DatabaseAction.Created, 0, PostgresDatabaseInitializer.CurrentSchemaVersion), (first.Action, first.PreviousSchemaVersion, first.SchemaVersion));
        Assert.Equal(DatabaseAction.Unchanged, second.Action);
        Assert.Contains("reservations", first.Tables);
        Assert.Equal(before, Snapshot(database, "team_a"));
        using var connection = database.Open();
        Assert.Equal("1.2.3", connection.ExecuteScalar<string>("SELECT module_version FROM team_a.schema_migrations WHERE version = 1;"));
    }

    [PostgresFact]
    public void Upgrades_a_schema_an_older_module_left_at_an_earlier_version()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString, "hostaway", null, 1);

        var info = PostgresDatabaseInitializer.Initialize(database.ConnectionString);

        Assert.Equal(PostgresDatabaseInitializer.CurrentSchemaVersion == 1 ? DatabaseAction.Unchanged : DatabaseAction.Upgraded, info.Action);
        Assert.Equal(1, info.PreviousSchemaVersion);
    }

    [PostgresFact]
    public void Upgrading_to_version_4_adds_the_sync_log_pace_columns_empty_for_the_rows_logged_before()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString, "hostaway", "0.1.0", 3);
        using (var connection = database.Open())
        {
            connection.Execute("""
                INSERT INTO hostaway.sync_logs (run_id, resource, mode, status, started_at, finished_at, duration_ms, requests)
                VALUES ('r1', 'Run', 'Full', 'Succeeded', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', 60000, 120);
                """);
        }

        // Read before the upgrade, as Get-HostawaySyncLog reads a schema no sync has upgraded yet: without the pace.
        var before = Assert.Single(StoreReader.SyncLog(StoreLocation.FromUrl(database.ConnectionString), new SyncLogFilter()));
        Assert.Equal((120L, null, null), (before.Requests, before.RequestsPer10Seconds, before.RateLimitSource));

        var upgraded = PostgresDatabaseInitializer.Initialize(database.ConnectionString);

        Assert.Equal((DatabaseAction.Upgraded, 3, PostgresDatabaseInitializer.CurrentSchemaVersion), (upgraded.Action, upgraded.PreviousSchemaVersion, upgraded.SchemaVersion));
        using var check = database.Open();
        Assert.Equal(
            [("requests_per_10s", "integer"), ("rate_limit_source", "text")],
            check.Query<(string, string)>(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'hostaway' AND table_name = 'sync_logs' AND column_name IN ('requests_per_10s', 'rate_limit_source') ORDER BY ordinal_position;"));
        Assert.Equal(
            ("r1", 120L, null, null),
            check.QuerySingle<(string, long, long?, string?)>("SELECT run_id, requests::bigint, requests_per_10s::bigint, rate_limit_source FROM hostaway.sync_logs;"));
    }

    [PostgresFact]
    public async Task Two_initializers_at_once_one_migrates_and_the_other_finds_it_done()
    {
        using var database = server.CreateDatabase();
        using var barrier = new Barrier(2);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            barrier.SignalAndWait();
            return PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        })));

        Assert.Equal([DatabaseAction.Created, DatabaseAction.Unchanged], runs.Select(r => r.Action).Order());
        using var connection = database.Open();
        Assert.Equal(PostgresMigrationCatalog.All.Count, connection.ExecuteScalar<int>("SELECT count(*) FROM hostaway.schema_migrations;"));
    }

    [PostgresFact]
    public void Refuses_a_schema_a_newer_version_wrote_and_leaves_it_untouched()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        using var connection = database.Open();
        var newer = PostgresDatabaseInitializer.CurrentSchemaVersion + 1;
        connection.Execute("INSERT INTO hostaway.schema_migrations (version, name, applied_at) VALUES (@Newer, 'from_the_future', now());", new { Newer = newer });
        var before = Snapshot(database, "hostaway");

        var error = Assert.Throws<HostawayException>(() => PostgresDatabaseInitializer.Initialize(database.ConnectionString));

        Assert.Equal(ErrorIds.DatabaseSchemaTooNew, error.ErrorId);
        Assert.Contains($"version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(database, "hostaway"));
    }

    [PostgresFact]
    public void Refuses_a_schema_holding_another_applications_tables_and_leaves_it_untouched()
    {
        using var database = server.CreateDatabase();
        using var connection = database.Open();
        // Another tool's version table of the same name (golang-migrate's shape) must not pass for HostawaySync's.
        connection.Execute("CREATE SCHEMA hostaway; CREATE TABLE hostaway.invoices (id int); CREATE TABLE hostaway.schema_migrations (version bigint, dirty boolean);");
        var before = Snapshot(database, "hostaway");

        var error = Assert.Throws<HostawayException>(() => PostgresDatabaseInitializer.Initialize(database.ConnectionString));

        Assert.Equal(ErrorIds.DatabaseForeign, error.ErrorId);
        Assert.Equal(before, Snapshot(database, "hostaway"));
    }

    [PostgresFact]
    public void Uses_an_empty_schema_an_administrator_created_for_it()
    {
        using var database = server.CreateDatabase();
        using var connection = database.Open();
        connection.Execute("CREATE SCHEMA hostaway;");

        var info = PostgresDatabaseInitializer.Initialize(database.ConnectionString);

        Assert.Equal(DatabaseAction.Created, info.Action);
    }

    [PostgresFact]
    public void Refuses_a_schema_name_that_would_need_quoting()
    {
        using var database = server.CreateDatabase();

        var error = Assert.Throws<HostawayException>(() => PostgresDatabaseInitializer.Initialize(database.ConnectionString, "Team\"; DROP"));

        Assert.Equal(ErrorIds.ConfigurationInvalid, error.ErrorId);
    }

    /// <summary>Every column of every table in the schema plus its row counts: what "untouched" means here.</summary>
    private static string Snapshot(PostgresDatabase database, string schema)
    {
        using var connection = database.Open();
        var columns = connection.Query<string>(
            "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = @Schema ORDER BY 1;", new { Schema = schema });
        var versions = connection.ExecuteScalar<bool>("SELECT to_regclass(@Table) IS NOT NULL;", new { Table = schema + ".schema_migrations" })
            ? connection.Query<string>($"SELECT version::text FROM {schema}.schema_migrations ORDER BY 1;")
            : [];
        return string.Join('\n', columns.Concat(versions));
    }
}
