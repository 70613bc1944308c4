namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>
/// A fact that needs the throwaway PostgreSQL server because it stops or restarts it; skipped, with the reason, where none can
/// be had or where <c>HOSTAWAY_TEST_POSTGRES_URL</c> names a server the tests must not restart.
/// </summary>
public sealed class ThrowawayPostgresFactAttribute : FactAttribute
{
    public ThrowawayPostgresFactAttribute()
    {
        Skip = PostgresServer.SkipReason
            ?? (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.UrlVariable))
                ? null
                : $"{PostgresServer.UrlVariable} names a server the tests did not start, and this test restarts its server.");
    }
}
