namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>A Small simulator without rate limits, shared by a test class that does not change it.</summary>
public sealed class SmallSimulatorFixture : IAsyncLifetime
{
    public HostawaySimulator Simulator { get; private set; } = null!;

    public ApiClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorSetup.StartAsync(DatasetOptions.Small);
        Client = await ApiClient.CreateAsync(Simulator);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}
