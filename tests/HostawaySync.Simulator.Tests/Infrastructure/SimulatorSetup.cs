namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>Common simulator options for tests.</summary>
internal static class SimulatorSetup
{
    /// <summary>No rate limits and no token warm-up: for tests that are not about those.</summary>
    public static SimulatorSettings Open { get; } = new()
    {
        AccountRequestsPer10Seconds = 0,
        IpRequestsPer10Seconds = 0,
        TokenWarmup = TimeSpan.Zero,
    };

    public static Task<HostawaySimulator> StartAsync(DatasetOptions dataset, int seed = 42, SimulatorSettings? settings = null, bool freezeClock = false) =>
        HostawaySimulator.StartAsync(new SimulatorOptions
        {
            Dataset = dataset,
            Seed = seed,
            Settings = settings ?? Open,
            FreezeClock = freezeClock,
        });
}
