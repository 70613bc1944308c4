using System.Diagnostics;

namespace HostawaySync.Simulator.Util;

/// <summary>
/// The account's "now": a fixed start instant plus real elapsed time (unless frozen) plus every
/// <see cref="Advance"/>. Only data timestamps use it; rate limits and token warm-up use real time, because the
/// client waits in real time.
/// </summary>
internal sealed class SimulatedClock
{
    private readonly DateTime _start;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly bool _frozen;
    private long _advancedTicks;

    /// <summary>Creates a clock that starts at <paramref name="start"/>.</summary>
    public SimulatedClock(DateTime start, bool frozen)
    {
        _start = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        _frozen = frozen;
    }

    /// <summary>The current simulated instant (UTC).</summary>
    public DateTime UtcNow
    {
        get
        {
            var elapsed = _frozen ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_startTimestamp);
            return _start + elapsed + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks));
        }
    }

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero, nameof(by));
        Interlocked.Add(ref _advancedTicks, by.Ticks);
    }
}
