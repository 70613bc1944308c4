using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Tests.Store;

public sealed class MigrationCatalogTests
{
    [Fact]
    public void Migrations_are_numbered_from_one_without_gaps()
    {
        var versions = MigrationCatalog.All.Select(m => m.Version).ToArray();

        Assert.Equal(Enumerable.Range(1, versions.Length), versions);
        Assert.Equal(versions[^1], DatabaseInitializer.CurrentSchemaVersion);
        Assert.All(MigrationCatalog.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }
}
