using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>One reading of what the API documentation leaves open about paging, as the simulator plays it.</summary>
/// <param name="Reading">The report's name for it.</param>
/// <param name="Settings">The simulator's settings while the measured sync runs (no rate limits, no faults).</param>
public sealed record PagingVariant(string Reading, SimulatorSettings Settings)
{
    /// <summary>The rows a page really holds: the engine asks for 100, the server may serve fewer.</summary>
    public int PageSize => Math.Min(Settings.MaxPageSize, 100);

    public bool HasCeiling => Settings.OffsetCeiling > 0;

    public bool MovesRows => Settings.MoveRowEvery > 0;
}
