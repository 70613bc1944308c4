namespace HostawaySync.Simulator;

/// <summary>One HTTP 429 the simulator sent (see <see cref="SimulatorStats.RateLimitRefusals"/>).</summary>
/// <param name="SentAt">The real time the request was refused (the limiter's clock, not the simulated one).</param>
/// <param name="Applied">Which limit refused it, as sent in <c>X-RateLimit-Applied</c>: <c>ip</c> or <c>account</c>.</param>
/// <param name="Limit">That limit's number of requests per 10 s, as sent in <c>X-RateLimit-Limit</c>.</param>
/// <param name="RetryAfterUnixSeconds">The Unix time sent in <c>X-RateLimit-Retry-After</c>.</param>
/// <param name="Endpoint">The route template of the refused request, e.g. <c>GET /v1/listings</c>.</param>
/// <param name="Counter">The refusing window's key: <c>ip:&lt;address&gt;</c> or <c>account:&lt;id&gt;</c>.</param>
public sealed record RateLimitRefusal(
    DateTimeOffset SentAt, string Applied, int Limit, long RetryAfterUnixSeconds, string Endpoint, string Counter)
{
    /// <summary><see cref="RetryAfterUnixSeconds"/> as an instant.</summary>
    public DateTimeOffset RetryAfter => DateTimeOffset.FromUnixTimeSeconds(RetryAfterUnixSeconds);
}
