namespace HostawaySync.Simulator;

/// <summary>
/// Run-time behaviour of a simulator: rate limits, latency, faults and the paging variants. Immutable; a running simulator swaps the
/// whole object atomically (<see cref="HostawaySimulator.UpdateSettings"/>), so a request always sees one consistent set.
/// </summary>
public sealed record SimulatorSettings
{
    /// <summary>Requests allowed per account in any sliding 10-second window; 0 turns the limit off.
    /// The default is the official figure of the 2026-07 documentation (<see cref="RateLimitPreset.Documented"/>).</summary>
    public int AccountRequestsPer10Seconds { get; init; } = RateLimitPresets.DocumentedAccountRequestsPer10Seconds;

    /// <summary>Requests allowed per client IP address in any sliding 10-second window; 0 turns the limit off.
    /// The default is the official figure of the 2026-07 documentation (<see cref="RateLimitPreset.Documented"/>).</summary>
    public int IpRequestsPer10Seconds { get; init; } = RateLimitPresets.DocumentedIpRequestsPer10Seconds;

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

    /// <summary>What the <c>count</c> of list envelopes says.</summary>
    public CountMode Count { get; init; } = CountMode.Total;

    /// <summary>Most rows a list page serves, whatever <c>limit</c> asks; also the page size when <c>limit</c> is absent.</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>When the cap cut the request: true echoes the applied page size as <c>limit</c>, false the requested one.</summary>
    public bool PageCapInEnvelope { get; init; }

    /// <summary>Offset paging serves no row at a position at or past this; 0 = no ceiling. Never applies to <c>afterId</c>.</summary>
    public int OffsetCeiling { get; init; }

    /// <summary>What a request whose offset is at or past <see cref="OffsetCeiling"/> gets.</summary>
    public OffsetCeilingMode OffsetCeilingBehaviour { get; init; } = OffsetCeilingMode.Empty;

    /// <summary>How conversation and message envelopes serve <c>page</c>/<c>totalPages</c>.</summary>
    public PageFieldsMode PageFields { get; init; } = PageFieldsMode.Normal;

    /// <summary>Every N-th mid-pass list request (offset &gt; 0 or afterId) first moves a row after its page to the front; 0 = off.</summary>
    public int MoveRowEvery { get; init; }

    /// <summary>Default settings with the rate limits of <paramref name="preset"/>.</summary>
    public static SimulatorSettings For(RateLimitPreset preset) => new SimulatorSettings().WithRateLimits(preset);

    /// <summary>A copy of these settings with the per-account and per-IP limits of <paramref name="preset"/>; nothing else changes.</summary>
    public SimulatorSettings WithRateLimits(RateLimitPreset preset)
    {
        var (account, ip) = RateLimitPresets.Limits(preset);
        return this with { AccountRequestsPer10Seconds = account, IpRequestsPer10Seconds = ip };
    }

    /// <summary>Throws when a value is out of range, so a bad change never reaches a running simulator.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(AccountRequestsPer10Seconds, nameof(AccountRequestsPer10Seconds));
        ArgumentOutOfRangeException.ThrowIfNegative(IpRequestsPer10Seconds, nameof(IpRequestsPer10Seconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero, nameof(Latency));
        ArgumentOutOfRangeException.ThrowIfLessThan(StallDuration, TimeSpan.Zero, nameof(StallDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(TokenWarmup, TimeSpan.Zero, nameof(TokenWarmup));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSize, 1, nameof(MaxPageSize));
        ArgumentOutOfRangeException.ThrowIfNegative(OffsetCeiling, nameof(OffsetCeiling));
        ArgumentOutOfRangeException.ThrowIfNegative(MoveRowEvery, nameof(MoveRowEvery));
        Defined(Count, nameof(Count));
        Defined(OffsetCeilingBehaviour, nameof(OffsetCeilingBehaviour));
        Defined(PageFields, nameof(PageFields));
        if (double.IsNaN(FaultRate) || FaultRate < 0 || FaultRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FaultRate), FaultRate, "FaultRate must be between 0 and 1.");
        }
    }

    private static void Defined<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }
}
