namespace HostawaySync.Simulator.Http;

/// <summary>The outcome of a rate-limit check.</summary>
/// <param name="Allowed">Whether the request may proceed (it then consumed a slot in every bucket).</param>
/// <param name="Limit">The rejecting bucket's limit.</param>
/// <param name="Applied">The rejecting bucket's name.</param>
/// <param name="RetryAfterUnixSeconds">When a slot frees in the rejecting bucket, in Unix seconds (rounded up).</param>
internal readonly record struct RateDecision(bool Allowed, int Limit, string Applied, long RetryAfterUnixSeconds)
{
    /// <summary>An allowed request.</summary>
    public static RateDecision Allow { get; } = new(true, 0, string.Empty, 0);

    /// <summary>The rejecting bucket's key, e.g. <c>ip:127.0.0.1</c>.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>The (real) time of the check.</summary>
    public DateTimeOffset At { get; init; }
}
