using HostawaySync.Engine.Configuration;

namespace HostawaySync.Engine.Tests.Configuration;

public sealed class DataPathsTests
{
    [Fact]
    public void Default_database_lives_under_the_per_user_data_folder()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);

        Assert.Equal(Path.Combine(local, "HostawaySync", "data", "database", "hostaway.db"), DataPaths.DefaultDatabasePath);
    }

    [Fact]
    public void Explicit_path_wins_over_environment_which_wins_over_default()
    {
        var saved = Environment.GetEnvironmentVariable(DataPaths.DatabasePathVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataPaths.DatabasePathVariable, "/from/env.db");
            Assert.Equal("/explicit.db", DataPaths.ResolveDatabasePath("/explicit.db"));
            Assert.Equal("/from/env.db", DataPaths.ResolveDatabasePath(null));

            Environment.SetEnvironmentVariable(DataPaths.DatabasePathVariable, null);
            Assert.Equal(DataPaths.DefaultDatabasePath, DataPaths.ResolveDatabasePath(" "));
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataPaths.DatabasePathVariable, saved);
        }
    }
}
