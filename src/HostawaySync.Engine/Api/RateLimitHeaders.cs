using System.Globalization;
using System.Net.Http.Headers;

namespace HostawaySync.Engine.Api;

/// <summary>Reads a 429's retry time: <c>X-RateLimit-Retry-After</c> (Unix epoch), else <c>Retry-After</c> (seconds or date).</summary>
internal static class RateLimitHeaders
{
    /// <summary>The server's retry time, or null when it sent none.</summary>
    public static DateTimeOffset? RetryAt(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("X-RateLimit-Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            // Documented as an epoch time; a small number can only be a delay in seconds.
            return value > 1_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000)) : now.AddSeconds(value);
        }

        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return now + delta;
            }

            if (retryAfter.Date is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The limit the server enforces (<c>X-RateLimit-Limit</c>), or null.</summary>
    public static int? Limit(HttpResponseHeaders headers) =>
        headers.TryGetValues("X-RateLimit-Limit", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : null;

    /// <summary>Which counter fired (account, ip), or null.</summary>
    public static string? Applied(HttpResponseHeaders headers) =>
        headers.TryGetValues("X-RateLimit-Applied", out var values) ? values.FirstOrDefault() : null;
}
