using System.Diagnostics;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Counts the commands and batches Npgsql sends while it lives (one activity of its "Npgsql" source each): the round
/// trips a piece of store code makes. Listening costs time, so it is used on untimed runs only.
/// </summary>
public sealed class RoundTripCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private long _count;

    public RoundTripCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStarted = _ => Interlocked.Increment(ref _count),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
