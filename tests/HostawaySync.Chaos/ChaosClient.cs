using HostawaySync.Engine.Api;

namespace HostawaySync.Chaos;

/// <summary>
/// Client settings of the chaos runs: the engine's defaults for every retry and 429 limit (what users get), with only
/// the transient backoff and the per-attempt timeout shortened so the whole task fits in minutes. The harness's own
/// test settings allow twice as many transient retries; the chaos runs do not.
/// </summary>
public static class ChaosClient
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    public static HostawayClientOptions Defaults(HostawayClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engine = new HostawayClientOptions { Credential = options.Credential };
        return options with
        {
            MaxTransientRetries = engine.MaxTransientRetries,
            MaxRateLimitRetries = engine.MaxRateLimitRetries,
            RateLimitWaitFloor = engine.RateLimitWaitFloor,
            RateLimitWaitCap = engine.RateLimitWaitCap,
            RateLimitDefaultWait = engine.RateLimitDefaultWait,
            MaxConcurrency = engine.MaxConcurrency,
            TokenWarmup = engine.TokenWarmup,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
            RequestTimeout = RequestTimeout,
        };
    }

    public static string Describe(HostawayClientOptions options) =>
        $"client: {options.MaxTransientRetries} transient retries (backoff {options.RetryBaseDelay.TotalMilliseconds:0} ms to {options.MaxRetryDelay.TotalSeconds:0.#} s), "
        + $"{options.MaxRateLimitRetries} 429 retries per request, {options.RequestTimeout.TotalSeconds:0.#} s per attempt, {options.MaxConcurrency} requests in flight, "
        + $"budget {options.RequestsPer10Seconds}/10 s";
}
