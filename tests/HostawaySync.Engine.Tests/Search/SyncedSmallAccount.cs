using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Search;

/// <summary>A Small simulated account after one full sync, shared by the read-only search tests of a class.</summary>
public sealed class SyncedSmallAccount : IAsyncLifetime
{
    public SyncHarness Harness { get; private set; } = null!;

    public GroundTruth Truth { get; private set; } = null!;

    public List<SearchTestData.TruthMessage> Messages { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await SyncHarness.StartAsync(41, DatasetOptions.Small);
        var result = await Harness.RunAsync(SyncMode.Full);
        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Truth = Harness.Simulator.GetGroundTruth();
        Messages = SearchTestData.Messages(Truth);
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
