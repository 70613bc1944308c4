namespace HostawaySync.Engine.Tests.Postgres.Reading;

/// <summary>A clock whose "now" stands still (timers still run): two syncs under it write the same times.</summary>
public sealed class FixedClock(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
}
