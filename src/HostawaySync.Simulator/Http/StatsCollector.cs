using System.Collections.Concurrent;

namespace HostawaySync.Simulator.Http;

/// <summary>Thread-safe request statistics. A reset swaps in a fresh counter set atomically.</summary>
internal sealed class StatsCollector
{
    private Counters _counters = new();
    private int _inFlight;

    /// <summary>Counts a request and marks it in flight; dispose the result when it ends.</summary>
    public InFlight Begin(string template)
    {
        var counters = Volatile.Read(ref _counters);
        Interlocked.Increment(ref counters.Requests);
        counters.ByEndpoint.AddOrUpdate(template, 1, static (_, n) => n + 1);
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref counters.Peak)) && Interlocked.CompareExchange(ref counters.Peak, now, peak) != peak)
        {
        }

        return new InFlight(this);
    }

    /// <summary>Counts an HTTP 429 and logs it (the log keeps the latest <see cref="SimulatorStats.RateLimitRefusalCapacity"/>).</summary>
    public void RateLimited(RateLimitRefusal refusal)
    {
        var counters = Volatile.Read(ref _counters);
        lock (counters.Refusals)
        {
            counters.RateLimited++;
            counters.Refusals.Enqueue(refusal);
            if (counters.Refusals.Count > SimulatorStats.RateLimitRefusalCapacity)
            {
                counters.Refusals.Dequeue();
            }
        }
    }

    /// <summary>Counts an HTTP 403.</summary>
    public void Forbidden() => Interlocked.Increment(ref Volatile.Read(ref _counters).Forbidden);

    /// <summary>Counts an issued token.</summary>
    public void TokenIssued() => Interlocked.Increment(ref Volatile.Read(ref _counters).Tokens);

    /// <summary>Counts an injected fault.</summary>
    public void Fault(FaultKinds kind)
    {
        var counters = Volatile.Read(ref _counters);
        Interlocked.Increment(ref counters.Faults);
        counters.FaultsByKind.AddOrUpdate(kind.ToString(), 1, static (_, n) => n + 1);
    }

    /// <summary>Counts a row moved by <see cref="SimulatorSettings.MoveRowEvery"/>.</summary>
    public void RowMoved() => Interlocked.Increment(ref Volatile.Read(ref _counters).RowsMoved);

    /// <summary>A copy of the current numbers.</summary>
    public SimulatorStats Snapshot()
    {
        var c = Volatile.Read(ref _counters);
        long rateLimited;
        RateLimitRefusal[] refusals;
        lock (c.Refusals)
        {
            rateLimited = c.RateLimited;
            refusals = [.. c.Refusals];
        }

        return new SimulatorStats(
            Interlocked.Read(ref c.Requests),
            new SortedDictionary<string, long>(c.ByEndpoint, StringComparer.Ordinal),
            rateLimited,
            Interlocked.Read(ref c.Forbidden),
            Interlocked.Read(ref c.Faults),
            new SortedDictionary<string, long>(c.FaultsByKind, StringComparer.Ordinal),
            Volatile.Read(ref c.Peak),
            Interlocked.Read(ref c.Tokens))
        {
            RowsMoved = Interlocked.Read(ref c.RowsMoved),
            RateLimitRefusals = refusals,
        };
    }

    /// <summary>Starts counting from zero; the peak restarts at the requests now in flight.</summary>
    public void Reset() => Volatile.Write(ref _counters, new Counters { Peak = Volatile.Read(ref _inFlight) });

    private void End() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Marks the end of an in-flight request.</summary>
    internal readonly struct InFlight(StatsCollector owner) : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => owner.End();
    }

    private sealed class Counters
    {
        // Plain fields on purpose: Interlocked needs references to them.
        public long Requests;
        public long RateLimited; // under the lock of Refusals, so the count and the log agree
        public long Forbidden;
        public long Faults;
        public long Tokens;
        public long RowsMoved;
        public int Peak;
        public ConcurrentDictionary<string, long> ByEndpoint { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, long> FaultsByKind { get; } = new(StringComparer.Ordinal);

        public Queue<RateLimitRefusal> Refusals { get; } = new();
    }
}
