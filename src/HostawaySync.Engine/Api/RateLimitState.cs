using System.Globalization;
using System.Text.Json;

namespace HostawaySync.Engine.Api;

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
