namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>A Small simulator without rate limits, shared by a test class that does not change it.</summary>
public sealed class SmallSimulatorFixture() : SimulatorLifetime(DatasetOptions.Small);
