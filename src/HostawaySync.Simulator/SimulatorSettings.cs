namespace HostawaySync.Simulator;

/// <summary>
/// Run-time behaviour of a simulator: rate limits, latency and faults. Immutable; a running simulator swaps the
/// whole object atomically (<see cref="HostawaySimulator.UpdateSettings"/>), so a request always sees one consistent set.
/// </summary>
public sealed record SimulatorSettings
{
    /// <summary>Requests allowed per account in any sliding 10-second window; 0 turns the limit off.
    /// The default is the official figure of the 2026-07 documentation.</summary>
    public int AccountRequestsPer10Seconds { get; init; } = 20;

    /// <summary>Requests allowed per client IP address in any sliding 10-second window; 0 turns the limit off.</summary>
    public int IpRequestsPer10Seconds { get; init; } = 15;

    /// <summary>Delay added before every <c>/v1</c> request is handled.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Share of <c>/v1</c> requests (0 to 1) that fail with one of the <see cref="Faults"/>.</summary>
    public double FaultRate { get; init; }

    /// <summary>The fault kinds that <see cref="FaultRate"/> chooses from.</summary>
    public FaultKinds Faults { get; init; } = FaultKinds.All;

    /// <summary>How long a <see cref="FaultKinds.Stall"/> holds a request before answering it.</summary>
    public TimeSpan StallDuration { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long after issue a new access token starts to work (the docs say about one second).</summary>
    public TimeSpan TokenWarmup { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws when a value is out of range, so a bad change never reaches a running simulator.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(AccountRequestsPer10Seconds, nameof(AccountRequestsPer10Seconds));
        ArgumentOutOfRangeException.ThrowIfNegative(IpRequestsPer10Seconds, nameof(IpRequestsPer10Seconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero, nameof(Latency));
        ArgumentOutOfRangeException.ThrowIfLessThan(StallDuration, TimeSpan.Zero, nameof(StallDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(TokenWarmup, TimeSpan.Zero, nameof(TokenWarmup));
        if (double.IsNaN(FaultRate) || FaultRate < 0 || FaultRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FaultRate), FaultRate, "FaultRate must be between 0 and 1.");
        }
    }
}
