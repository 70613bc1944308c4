using HostawaySync.Engine.Configuration;

namespace HostawaySync.Engine.Tests.Configuration;

[Collection(ProcessEnvironment.Name)]
public sealed class DataPathsTests
{
    [Fact]
    public void Default_database_lives_under_the_per_user_data_folder()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);

        Assert.Equal(Path.Combine(local, "HostawaySync", "data", "database", "hostaway.db"), DataPaths.DefaultDatabasePath);
    }

    [Fact]
    public void Environment_wins_over_default_and_a_blank_variable_counts_as_unset()
    {
        // The settings are the one place paths are resolved (a cmdlet parameter, applied by the cmdlet, wins over both).
        var saved = Environment.GetEnvironmentVariable(DataPaths.DatabasePathVariable);
        var noFile = Path.Combine(Path.GetTempPath(), "hostawaysync-no-config-" + Guid.NewGuid().ToString("N"), "config.json");
        try
        {
            Environment.SetEnvironmentVariable(DataPaths.DatabasePathVariable, "/from/env.db");
            Assert.Equal("/from/env.db", HostawaySettings.Resolve(configurationPath: noFile).DatabasePath);

            Environment.SetEnvironmentVariable(DataPaths.DatabasePathVariable, " ");
            Assert.Equal(DataPaths.DefaultDatabasePath, HostawaySettings.Resolve(configurationPath: noFile).DatabasePath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataPaths.DatabasePathVariable, saved);
        }
    }
}
