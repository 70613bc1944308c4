using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Export;

/// <summary>A Small simulated account synced once, shared by export tests that only read it.</summary>
public sealed class SyncedSmallAccount : IAsyncLifetime
{
    public SyncHarness Harness { get; private set; } = null!;

    public GroundTruth Truth { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await SyncHarness.StartAsync(41, DatasetOptions.Small);
        var result = await Harness.RunAsync(SyncMode.Full);
        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Truth = Harness.Simulator.GetGroundTruth();
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
