using System.Globalization;
using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store.Postgres;
using Npgsql;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>Connection failures surface as stable ids with messages that say what to do, and never the password.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresConnectionErrorTests(PostgresServer server)
{
    private const string Password = "S3cret-do-not-print";

    [PostgresFact]
    public void A_wrong_password_is_the_auth_id_and_the_password_appears_nowhere()
    {
        using var database = server.CreateDatabase();
        EnsurePasswordUser(database, "the-right-one");
        var connectionString = With(database.ConnectionString, b => (b.Username, b.Password) = (PostgresServer.PasswordUser, Password));

        var error = Assert.Throws<HostawayException>(() => PostgresDatabaseInitializer.Initialize(connectionString));

        Assert.Equal(ErrorIds.DatabaseAuthFailed, error.ErrorId);
        Assert.Contains(PostgresServer.PasswordUser, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.RecommendedAction ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Target?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_port_nobody_listens_on_is_the_unreachable_id()
    {
        var connectionString = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={PostgresServer.FreePort()};Username=x;Password={Password};Database=x;Timeout=5");

        var error = Assert.Throws<HostawayException>(() => PostgresDatabaseInitializer.Initialize(connectionString));

        Assert.Equal(ErrorIds.DatabaseUnreachable, error.ErrorId);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_database_the_server_does_not_have_is_its_own_id()
    {
        var connectionString = With(server.AdminConnectionString, b => b.Database = "hostawaysync_no_such_database");

        var error = Assert.Throws<HostawayException>(() => PostgresDatabaseInitializer.Initialize(connectionString));

        Assert.Equal(ErrorIds.DatabaseMissing, error.ErrorId);
        Assert.Contains("hostawaysync_no_such_database", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_user_who_may_not_create_the_schema_is_the_not_writable_id()
    {
        using var database = server.CreateDatabase();
        EnsurePasswordUser(database, Password);
        using (var admin = database.Open())
        {
            admin.Execute($"REVOKE CREATE ON DATABASE {database.Name} FROM PUBLIC;");
        }

        var connectionString = With(database.ConnectionString, b => (b.Username, b.Password) = (PostgresServer.PasswordUser, Password));

        var error = Assert.Throws<HostawayException>(() => PostgresDatabaseInitializer.Initialize(connectionString));

        Assert.Equal(ErrorIds.DatabaseNotWritable, error.ErrorId);
        Assert.Contains("CREATE SCHEMA hostaway AUTHORIZATION", error.RecommendedAction, StringComparison.Ordinal);
    }

    /// <summary>The password user is server-wide (roles are); each test sets the password it needs.</summary>
    [ThrowawayPostgresFact]
    public void The_password_may_come_from_PGPASSWORD_or_a_pgpass_file_instead_of_the_url()
    {
        using var database = server.CreateDatabase();
        var (url, port) = PasswordUserUrl(database, "from_env");
        using var folder = new TempFolder();
        var passFile = Path.Combine(folder.Path, "pgpass");
        File.WriteAllText(passFile, string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}:{database.Name}:{PostgresServer.PasswordUser}:{Password}\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var refused = Assert.Throws<HostawayException>(() => PostgresDatabaseInitializer.Initialize(Engine.Store.StoreLocation.FromUrl(url).Target));
        var fromVariable = WithVariable("PGPASSWORD", Password, () => PostgresDatabaseInitializer.Initialize(Engine.Store.StoreLocation.FromUrl(url).Target));
        var fromFile = WithVariable("PGPASSFILE", passFile, () => PostgresDatabaseInitializer.Initialize(Engine.Store.StoreLocation.FromUrl(url.Replace("from_env", "from_file", StringComparison.Ordinal)).Target));

        Assert.Equal(ErrorIds.DatabaseAuthFailed, refused.ErrorId);
        Assert.Equal((Engine.Store.DatabaseAction.Created, Engine.Store.DatabaseAction.Created), (fromVariable.Action, fromFile.Action));
    }

    [ThrowawayPostgresFact]
    public void A_password_the_server_refused_is_not_reused_for_the_same_url_without_one()
    {
        using var database = server.CreateDatabase();
        var (url, _) = PasswordUserUrl(database, "refused");
        var wrong = url.Replace(PostgresServer.PasswordUser + "@", PostgresServer.PasswordUser + ":not-the-password@", StringComparison.Ordinal);

        var refused = Assert.Throws<HostawayException>(() => PostgresDatabaseInitializer.Initialize(Engine.Store.StoreLocation.FromUrl(wrong).Target));
        // The same URL without a password, the right one in PGPASSWORD: the refused password must not be used again.
        var result = WithVariable("PGPASSWORD", Password, () => PostgresDatabaseInitializer.Initialize(Engine.Store.StoreLocation.FromUrl(url).Target));

        Assert.Equal(ErrorIds.DatabaseAuthFailed, refused.ErrorId);
        Assert.Equal(Engine.Store.DatabaseAction.Created, result.Action);
    }

    // The password user, allowed to create a schema in the database, and a URL for it without its password.
    private static (string Url, int Port) PasswordUserUrl(PostgresDatabase database, string schema)
    {
        EnsurePasswordUser(database, Password);
        using (var admin = database.Open())
        {
            admin.Execute($"GRANT CREATE ON DATABASE {database.Name} TO {PostgresServer.PasswordUser};");
        }

        var port = new NpgsqlConnectionStringBuilder(database.ConnectionString).Port;
        return (string.Create(CultureInfo.InvariantCulture, $"postgresql://{PostgresServer.PasswordUser}@127.0.0.1:{port}/{database.Name}?schema={schema}"), port);
    }

    // The variables are read by Npgsql when a connection opens; the other collections' tests use trusted logins, which ask no password.
    private static T WithVariable<T>(string name, string value, Func<T> action)
    {
        var saved = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, saved);
        }
    }

    private static void EnsurePasswordUser(PostgresDatabase database, string password)
    {
        using var connection = database.Open();
        var exists = connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @Name);", new { Name = PostgresServer.PasswordUser });
        // Role names and passwords cannot be parameters of CREATE/ALTER ROLE; both are this class's constants.
        connection.Execute($"{(exists ? "ALTER" : "CREATE")} ROLE {PostgresServer.PasswordUser} LOGIN PASSWORD '{password}';");
    }

    private static string With(string connectionString, Action<NpgsqlConnectionStringBuilder> change)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        change(builder);
        return builder.ConnectionString;
    }
}
