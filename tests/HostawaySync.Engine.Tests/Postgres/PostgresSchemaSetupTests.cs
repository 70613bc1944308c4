using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using Npgsql;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>PostgresSchemaSetup, what Initialize-HostawayDatabase uses: Inspect changes nothing, Initialize reports without the password.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresSchemaSetupTests(PostgresServer server)
{
    [PostgresFact]
    public void Inspect_says_what_initializing_would_do_and_creates_nothing()
    {
        using var database = server.CreateDatabase();
        var location = Location(database, "inspected");

        var before = PostgresSchemaSetup.Inspect(location);

        Assert.Equal((DatabaseAction.Created, 0, PostgresSchemaSetup.CurrentSchemaVersion), (before.PlannedAction, before.SchemaVersion, before.TargetSchemaVersion));
        Assert.Equal(("inspected", location.Display), (before.Schema, before.Url));
        Assert.False(SchemaExists(database, "inspected"));

        PostgresSchemaSetup.Initialize(location, "1.0.0");
        var after = PostgresSchemaSetup.Inspect(location);

        Assert.Equal((DatabaseAction.Unchanged, PostgresSchemaSetup.CurrentSchemaVersion), (after.PlannedAction, after.SchemaVersion));
    }

    [PostgresFact]
    public void Initialize_describes_the_schema_by_its_url_without_the_password()
    {
        using var database = server.CreateDatabase();
        const string Password = "Not-In-The-Url-Shown";
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Password };
        var location = StoreLocation.FromUrl(builder.ConnectionString + ";Schema=described");

        var info = PostgresSchemaSetup.Initialize(location, "1.0.0");
        var again = PostgresSchemaSetup.Initialize(location, "1.0.0");

        Assert.Equal((DatabaseAction.Created, DatabaseAction.Unchanged), (info.Action, again.Action));
        Assert.Equal(("described", location.Display), (info.Schema, info.Url));
        Assert.DoesNotContain(Password, info.Url, StringComparison.Ordinal);
        Assert.Contains("reservations", info.Tables);
        Assert.False(string.IsNullOrWhiteSpace(info.ServerVersion));
    }

    [PostgresFact]
    public void Inspect_refuses_a_foreign_schema_and_a_newer_one_without_changing_them()
    {
        using var database = server.CreateDatabase();
        using (var connection = database.Open())
        {
            connection.Execute("CREATE SCHEMA theirs; CREATE TABLE theirs.invoices (id int);");
        }

        var foreign = Assert.Throws<HostawayException>(() => PostgresSchemaSetup.Inspect(Location(database, "theirs")));
        PostgresSchemaSetup.Initialize(Location(database, "future"), null);
        using (var connection = database.Open())
        {
            connection.Execute("INSERT INTO future.schema_migrations (version, name, applied_at, module_version) VALUES (999, 'future', now(), '99.0');");
        }

        var newer = Assert.Throws<HostawayException>(() => PostgresSchemaSetup.Inspect(Location(database, "future")));

        Assert.Equal((ErrorIds.DatabaseForeign, ErrorIds.DatabaseSchemaTooNew), (foreign.ErrorId, newer.ErrorId));
        using var check = database.Open();
        Assert.Equal(["invoices"], check.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'theirs';"));
    }

    private static PostgresStoreLocation Location(PostgresDatabase database, string schema) => StoreLocation.FromUrl(database.ConnectionString + ";Schema=" + schema);

    private static bool SchemaExists(PostgresDatabase database, string schema)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @Schema);", new { Schema = schema });
    }
}
