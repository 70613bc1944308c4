using Xunit.Sdk;

namespace HostawaySync.Engine.Tests.Store.Contract;

/// <summary>
/// A contract test: it runs for every store, and is reported as skipped (with the reason) for a store this machine
/// cannot provide, as <see cref="Postgres.PostgresFactAttribute"/> does for PostgreSQL-only tests.
/// </summary>
[XunitTestCaseDiscoverer("HostawaySync.Engine.Tests.Store.Contract.StoreFactDiscoverer", "HostawaySync.Engine.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
}
