namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>The test classes that share one <see cref="PostgresServer"/> (starting one costs seconds; a database costs milliseconds).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
