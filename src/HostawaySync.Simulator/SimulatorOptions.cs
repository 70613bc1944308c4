namespace HostawaySync.Simulator;

/// <summary>How to start a <see cref="HostawaySimulator"/>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks any free port. The simulator never binds anything but loopback.</summary>
    public int Port { get; init; }

    /// <summary>Seed of every pseudo-random choice: data, fault decisions, mutations.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Size and shape of the generated account.</summary>
    public DatasetOptions Dataset { get; init; } = DatasetOptions.Small;

    /// <summary>The Hostaway account id, which is also the OAuth <c>client_id</c>.</summary>
    public long AccountId { get; init; } = 10450;

    /// <summary>The OAuth <c>client_secret</c>.</summary>
    public string ClientSecret { get; init; } = "simulator-secret";

    /// <summary>Initial run-time settings (rate limits, latency, faults).</summary>
    public SimulatorSettings Settings { get; init; } = new();

    /// <summary>When true the simulated clock moves only through <see cref="HostawaySimulator.AdvanceClock"/>, so
    /// timestamps written by mutations are reproducible too. By default it also follows real elapsed time.</summary>
    public bool FreezeClock { get; init; }
}
