using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using Npgsql;

namespace HostawaySync.Engine.Tests.Configuration;

/// <summary>How a database URL or connection string is read, shown, and chosen over a path.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class StoreLocationTests
{
    private const string Secret = "s3cr#t:p@ss/w%rd";

    [Fact]
    public void A_url_gives_every_part_to_npgsql_and_shows_none_of_the_password()
    {
        var location = StoreLocation.FromUrl("postgresql://sync%40team:" + Uri.EscapeDataString(Secret) + "@db.example.com:6543/hostaway%20data?schema=team_sync&sslmode=verify-full&application_name=nightly&connect_timeout=7");
        var builder = new NpgsqlConnectionStringBuilder(location.Target.ConnectionString);

        Assert.Equal(
            ("db.example.com", 6543, "hostaway data", "sync@team", Secret, SslMode.VerifyFull, "nightly", 7),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode, builder.ApplicationName, builder.Timeout));
        Assert.Equal(("team_sync", true, StoreProvider.PostgreSql), (location.Schema, location.HasInlinePassword, location.Provider));
        Assert.Equal("postgresql://sync%40team@db.example.com:6543/hostaway%20data?schema=team_sync&sslmode=verify-full", location.Display);
        Assert.DoesNotContain("s3cr", location.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", location.Target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HoldsPassword_reads_the_text_itself_not_a_password_remembered_for_the_same_url()
    {
        var withPassword = "postgresql://remembered:" + Uri.EscapeDataString(Secret) + "@db.example.com/held?schema=remembered_here";
        var without = "postgresql://remembered@db.example.com/held?schema=remembered_here";
        StoreLocation.FromUrl(withPassword);

        Assert.True(StoreLocation.FromUrl(without).HasInlinePassword);
        Assert.Equal((true, false), (StoreLocation.HoldsPassword(withPassword), StoreLocation.HoldsPassword(without)));
        Assert.True(StoreLocation.HoldsPassword("Host=db.example.com;Database=held;Username=u;Password=x"));
    }

    [Theory]
    [InlineData("postgres://localhost/hostaway", "localhost", 5432, "hostaway", "hostaway")]
    [InlineData("postgresql://[::1]:5433/db?schema=x1", "::1", 5433, "db", "x1")]
    [InlineData("Host=127.0.0.1;Port=5434;Database=team;Username=u;Schema=analytics", "127.0.0.1", 5434, "team", "analytics")]
    [InlineData("host=127.0.0.1;database=team", "127.0.0.1", 5432, "team", "hostaway")]
    public void Urls_and_keyword_strings_name_the_same_things(string text, string host, int port, string database, string schema)
    {
        var location = StoreLocation.FromUrl(text);

        Assert.Equal((host, port, database, schema, false), (location.Host, location.Port, location.Database, location.Schema, location.HasInlinePassword));
        Assert.True(StoreLocation.LooksLikePostgres(text));
    }

    [Theory]
    [InlineData("postgresql://u:" + Secret + "@host:99999/db")]
    [InlineData("postgresql://u:" + Secret + "@host/db?sslmode=sometimes")]
    [InlineData("postgresql://u:" + Secret + "@host/db?nosuch=1")]
    [InlineData("postgresql://u:" + Secret + "@a,b/db")]
    [InlineData("postgresql://u:" + Secret + "@host/db?schema=Bad-Name")]
    [InlineData("Host=h;Password=" + "s3cr3t;Nonsense=1")]
    [InlineData("not a url at all s3cr3t")]
    public void An_unreadable_url_is_refused_without_quoting_it(string text)
    {
        var error = Assert.Throws<HostawayException>(() => StoreLocation.FromUrl(text));

        Assert.Equal(ErrorIds.ConfigurationInvalid, error.ErrorId);
        Assert.DoesNotContain("s3cr", error.Message + error.RecommendedAction + error.Target, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_given_once_is_found_again_through_the_safe_url_that_objects_carry()
    {
        var host = "remember-" + Guid.NewGuid().ToString("N")[..8] + ".example";
        var first = StoreLocation.FromUrl($"postgresql://u:{Uri.EscapeDataString(Secret)}@{host}/db");
        var again = StoreLocation.FromUrl(first.Display);

        Assert.Equal(Secret, new NpgsqlConnectionStringBuilder(again.Target.ConnectionString).Password);
        Assert.Null(new NpgsqlConnectionStringBuilder(StoreLocation.FromUrl($"postgresql://u@other-{host}/db").Target.ConnectionString).Password);
    }

    [Fact]
    public void Paths_are_not_mistaken_for_urls()
    {
        Assert.False(StoreLocation.LooksLikePostgres("/data/hostaway.db"));
        Assert.False(StoreLocation.LooksLikePostgres(@"C:\data\host=1.db"));
        StoreLocation location = "/data/hostaway.db";
        Assert.Equal((StoreProvider.Sqlite, "/data/hostaway.db"), (location.Provider, location.Display));
    }

    [Fact]
    public void A_database_url_setting_wins_over_a_path_setting_and_a_parameter_wins_over_both()
    {
        using var folder = new TempFolder();
        var configuration = Path.Combine(folder.Path, "config.json");
        var session = new Dictionary<string, object?>
        {
            [SettingCatalog.DatabasePath] = "/session/hostaway.db",
            [SettingCatalog.DatabaseUrl] = "postgresql://team@db.example/hostaway",
        };
        var settings = WithoutEnvironment(() => HostawaySettings.Resolve(session, configuration));

        var fromSetting = StoreChoice.Resolve(settings, null, null, Path.GetFullPath);
        var fromPath = StoreChoice.Resolve(settings, "/param/hostaway.db", null, Path.GetFullPath);
        var fromUrl = StoreChoice.Resolve(settings, null, "postgresql://other@db2.example/x", Path.GetFullPath);

        Assert.Equal("postgresql://team@db.example:5432/hostaway?schema=hostaway", fromSetting.Location.Display);
        Assert.Contains("DatabaseUrl setting (set for this session); it wins over the DatabasePath setting", fromSetting.Reason, StringComparison.Ordinal);
        Assert.Equal((StoreProvider.Sqlite, "the -DatabasePath parameter"), (fromPath.Location.Provider, fromPath.Reason));
        Assert.Equal(("db2.example", "the -DatabaseUrl parameter"), (((PostgresStoreLocation)fromUrl.Location).Host, fromUrl.Reason));
        var both = Assert.Throws<HostawayException>(() => StoreChoice.Resolve(settings, "/p.db", "postgresql://h/d", Path.GetFullPath));
        Assert.Equal(ErrorIds.ConfigurationInvalid, both.ErrorId);
    }

    [Fact]
    public void Without_a_url_the_path_setting_or_the_default_chooses_sqlite()
    {
        using var folder = new TempFolder();
        var settings = WithoutEnvironment(() => HostawaySettings.Resolve(new Dictionary<string, object?>(), Path.Combine(folder.Path, "config.json")));

        var choice = StoreChoice.Resolve(settings, null, null, Path.GetFullPath);

        Assert.Equal((StoreProvider.Sqlite, DataPaths.DefaultDatabasePath), (choice.Location.Provider, choice.Location.Display));
        Assert.StartsWith("the default SQLite database", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_url_setting_is_reported_without_its_password()
    {
        using var folder = new TempFolder();
        var session = new Dictionary<string, object?> { [SettingCatalog.DatabaseUrl] = "postgresql://u:" + Secret + "@host:0/db" };

        var error = Assert.Throws<HostawayException>(() => WithoutEnvironment(() => HostawaySettings.Resolve(session, Path.Combine(folder.Path, "config.json"))));

        Assert.Equal(ErrorIds.ConfigurationInvalid, error.ErrorId);
        Assert.Contains("DatabaseUrl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", error.Message + error.RecommendedAction, StringComparison.Ordinal);
    }

    // The settings come from session values here; the variables must be unset (DataPathsTests, in the same collection, sets
    // them only inside its own tests).
    private static T WithoutEnvironment<T>(Func<T> resolve)
    {
        Assert.True(
            string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DataPaths.DatabasePathVariable)) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DataPaths.DatabaseUrlVariable)),
            "Unset HOSTAWAY_DATABASE_PATH and HOSTAWAY_DATABASE_URL to run these tests.");
        return resolve();
    }
}
