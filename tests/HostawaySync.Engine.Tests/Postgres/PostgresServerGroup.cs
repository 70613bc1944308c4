namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>
/// The test classes that share one <see cref="PostgresServer"/> (starting one costs seconds; a database costs milliseconds),
/// and one account synced into both stores for the classes that compare what the read side returns (synced when first asked).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresServer>, ICollectionFixture<Reading.SyncedInBothStores>
{
    public const string Name = "PostgreSQL server";
}
