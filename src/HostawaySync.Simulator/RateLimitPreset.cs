namespace HostawaySync.Simulator;

/// <summary>
/// The published Hostaway rate-limit sets, so tests and benchmarks name them instead of numbers. Apply one with
/// <see cref="SimulatorSettings.WithRateLimits"/> or <see cref="SimulatorSettings.For"/>; the numbers are in
/// <see cref="RateLimitPresets"/>. Every limit is a sliding 10-second window, and a request must fit both the
/// per-IP and the per-account window.
/// </summary>
public enum RateLimitPreset
{
    /// <summary>
    /// The official documentation snapshot of 2026-07-23 (<c>index.html.md</c>, "Rate limits"): 15 requests per 10 s
    /// per IP address and 20 requests per 10 s per account. The simulator's default.
    /// </summary>
    Documented,

    /// <summary>
    /// The limits Hostaway published on 2026-08-20 as third-party clients report them (tykeal/homeassistant-hostaway
    /// <c>const.py</c>, w6w <c>lib/client.ts</c>): 200 requests per 10 s per account and 200 per 10 s per IP
    /// (general endpoints). Not in the documentation snapshot.
    /// </summary>
    Revised,

    /// <summary>No rate limit at all (both limits 0): for tests and benchmarks that are not about throttling.</summary>
    Unlimited,
}

/// <summary>The numbers behind each <see cref="RateLimitPreset"/>.</summary>
public static class RateLimitPresets
{
    /// <summary><see cref="RateLimitPreset.Documented"/>: requests per 10 s per IP address.</summary>
    public const int DocumentedIpRequestsPer10Seconds = 15;

    /// <summary><see cref="RateLimitPreset.Documented"/>: requests per 10 s per account.</summary>
    public const int DocumentedAccountRequestsPer10Seconds = 20;

    /// <summary><see cref="RateLimitPreset.Revised"/>: requests per 10 s per IP address, and also per account.</summary>
    public const int RevisedRequestsPer10Seconds = 200;

    /// <summary>The per-account and per-IP limits of a preset (0 = no limit).</summary>
    public static (int AccountRequestsPer10Seconds, int IpRequestsPer10Seconds) Limits(RateLimitPreset preset) => preset switch
    {
        RateLimitPreset.Documented => (DocumentedAccountRequestsPer10Seconds, DocumentedIpRequestsPer10Seconds),
        RateLimitPreset.Revised => (RevisedRequestsPer10Seconds, RevisedRequestsPer10Seconds),
        RateLimitPreset.Unlimited => (0, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, $"Unknown rate-limit preset; use {string.Join(", ", Enum.GetNames<RateLimitPreset>())}."),
    };
}
