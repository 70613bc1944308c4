using System.Globalization;
using System.Text.Json;

namespace HostawaySync.Engine.Api;

/// <summary>How a <see cref="RateLimitFinding"/> was established.</summary>
public enum RateLimitBasis
{
    /// <summary>A 429 named the limit (<c>X-RateLimit-Limit</c>).</summary>
    Header,

    /// <summary>A 429 without a limit header: the limit is taken as the requests that had passed in that window.</summary>
    Refusal,

    /// <summary>
    /// No 429: as many requests as the client spends at the highest published limit passed inside one 10-second window, so
    /// the account allows at least that; the highest published limit is assumed.
    /// </summary>
    Probe,
}

/// <summary>
/// What the client knows of the account's rate limit: requests per 10 seconds, how that was established, which counter
/// (<c>ip</c> or <c>account</c>) a 429 named, and when. Stored with the sync state, so that later runs start at it.
/// </summary>
/// <param name="Limit">The limit in requests per 10 seconds.</param>
/// <param name="Basis">How it was established.</param>
/// <param name="Applied">The counter a 429 named (<c>X-RateLimit-Applied</c>), or null.</param>
/// <param name="FoundAt">When (UTC).</param>
/// <param name="Passed">The most requests seen to pass inside one 10-second window when it was found.</param>
public sealed record RateLimitFinding(int Limit, RateLimitBasis Basis, string? Applied, DateTime FoundAt, int Passed)
{
    /// <summary>The finding in a sentence: the limit, how it was found and when.</summary>
    public string Describe() => Basis switch
    {
        RateLimitBasis.Header => string.Format(
            CultureInfo.InvariantCulture, "{0} per 10 s ({1}limit named by a 429 on {2:yyyy-MM-dd HH:mm} UTC)", Limit, Applied is null ? string.Empty : Applied + " ", FoundAt),
        RateLimitBasis.Refusal => string.Format(
            CultureInfo.InvariantCulture, "{0} per 10 s (a 429 without a limit header after {1} requests in 10 s, {2:yyyy-MM-dd HH:mm} UTC)", Limit, Passed, FoundAt),
        _ => string.Format(
            CultureInfo.InvariantCulture, "{0} per 10 s (the highest published limit: {1} requests passed in one 10-s window without a 429 on {2:yyyy-MM-dd HH:mm} UTC)", Limit, Passed, FoundAt),
    };

    /// <summary>The finding as stored (JSON).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("limit", Limit);
            writer.WriteString("basis", Basis.ToString());
            if (Applied is not null)
            {
                writer.WriteString("applied", Applied);
            }

            writer.WriteString("foundAt", FoundAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteNumber("passed", Passed);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A stored finding, or null when <paramref name="json"/> is empty or not one (a damaged row is ignored: the client probes again).</summary>
    public static RateLimitFinding? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("limit", out var limit) || !limit.TryGetInt32(out var value) || value <= 0
                || !root.TryGetProperty("basis", out var basis) || !Enum.TryParse<RateLimitBasis>(basis.GetString(), out var how)
                || !root.TryGetProperty("foundAt", out var foundAt)
                || !DateTime.TryParse(foundAt.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                return null;
            }

            var applied = root.TryGetProperty("applied", out var counter) ? counter.GetString() : null;
            var passed = root.TryGetProperty("passed", out var count) && count.TryGetInt32(out var n) ? n : 0;
            return new RateLimitFinding(value, how, applied, DateTime.SpecifyKind(at, DateTimeKind.Utc), passed);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
