namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>A fact that needs a PostgreSQL server; reported as skipped, with the reason, where none can be had.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresServer.SkipReason;
    }
}
