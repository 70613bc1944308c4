namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>A simulator and an authenticated client for the lifetime of a fixture or of one test.</summary>
/// <param name="dataset">The data set.</param>
/// <param name="settings">The settings; <see cref="SimulatorSetup.Open"/> when null.</param>
public abstract class SimulatorLifetime(DatasetOptions dataset, SimulatorSettings? settings = null) : IAsyncLifetime
{
    public HostawaySimulator Simulator { get; private set; } = null!;

    public ApiClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorSetup.StartAsync(dataset, settings: settings);
        Client = await ApiClient.CreateAsync(Simulator);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}
