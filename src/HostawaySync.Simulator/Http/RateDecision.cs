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
}
