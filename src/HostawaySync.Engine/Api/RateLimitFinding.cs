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

/// <summary>Slots of the request budget that free at <paramref name="At"/> (UTC): requests that count in the server's window until then.</summary>
/// <param name="At">When they leave the window.</param>
/// <param name="Count">How many.</param>
public sealed record SlotRelease(DateTime At, int Count);

/// <summary>
/// The rate-limit row of the sync state: what is known of the account's limit, and the requests the last run left in the
/// server's window (a run started right after another shares that window: it counts them as spent until they leave it).
/// </summary>
/// <param name="Finding">The account's limit as found, or null.</param>
/// <param name="Recent">The last run's requests that may still count in the server's window, by when they leave it.</param>
public sealed record RateLimitState(RateLimitFinding? Finding, IReadOnlyList<SlotRelease> Recent)
{
    /// <summary>The sync_state row that holds it (in its checkpoint column: the state the next run starts from).</summary>
    public const string StateName = "rate-limit";

    /// <summary>The state as stored (JSON).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (Finding is not null)
            {
                writer.WritePropertyName("finding");
                using var finding = JsonDocument.Parse(Finding.ToJson());
                finding.RootElement.WriteTo(writer);
            }

            writer.WriteStartArray("recent");
            foreach (var slot in Recent)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(slot.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                writer.WriteNumberValue(slot.Count);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A stored state, or null when <paramref name="json"/> is empty or damaged (then nothing is known: the client starts afresh).</summary>
    public static RateLimitState? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var finding = root.TryGetProperty("finding", out var found) ? RateLimitFinding.FromJson(found.GetRawText()) : null;
            var recent = new List<SlotRelease>();
            if (root.TryGetProperty("recent", out var slots) && slots.ValueKind == JsonValueKind.Array)
            {
                foreach (var slot in slots.EnumerateArray())
                {
                    if (slot.ValueKind == JsonValueKind.Array && slot.GetArrayLength() == 2
                        && DateTime.TryParse(slot[0].GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                        && slot[1].TryGetInt32(out var count) && count > 0)
                    {
                        recent.Add(new SlotRelease(DateTime.SpecifyKind(at, DateTimeKind.Utc), count));
                    }
                }
            }

            return new RateLimitState(finding, recent);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
