using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// The <c>/_control/</c> surface for the demo and benchmarks: no auth, no rate limits, no faults, not counted
/// in the statistics. JSON in and out.
/// </summary>
internal static class ControlEndpoints
{
    /// <summary>Handles <c>/_control/{route}</c>.</summary>
    public static async Task HandleAsync(SimulatorCore core, HttpContext http, string route)
    {
        var method = http.Request.Method;
        try
        {
            switch (method, route.TrimEnd('/'))
            {
                case ("GET", "stats"):
                    await JsonAsync(http, 200, core.GetStats());
                    break;
                case ("POST", "stats/reset"):
                    core.Stats.Reset();
                    await JsonAsync(http, 200, core.GetStats());
                    break;
                case ("GET", "counts"):
                    await JsonAsync(http, 200, core.GetCounts());
                    break;
                case ("GET", "truth"):
                    await TruthStream.WriteAsync(core.Snapshot, http, http.Request.Query["resource"].ToString());
                    break;
                case ("POST", "mutate"):
                    var request = await ReadAsync<MutationRequest>(http) ?? new MutationRequest();
                    await JsonAsync(http, 200, core.Mutate(request));
                    break;
                case ("POST", "tokens/revoke"):
                    // With ?token=, that one token (a token refused mid-run); without, every token.
                    var token = http.Request.Query["token"].ToString();
                    await JsonAsync(http, 200, new { revoked = token.Length == 0 ? core.Tokens.RevokeAll() : core.Tokens.Revoke(token) ? 1 : 0 });
                    break;
                case ("GET", "settings"):
                    await JsonAsync(http, 200, core.Settings);
                    break;
                case ("PUT", "settings"):
                    var patch = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
                        ?? throw new JsonException("Expected a JSON object.");
                    await JsonAsync(http, 200, core.UpdateSettings(current => Merge(current, patch)));
                    break;
                case ("POST", "clock/advance"):
                    var seconds = double.Parse(http.Request.Query["seconds"].ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                    core.Clock.Advance(TimeSpan.FromSeconds(seconds));
                    await JsonAsync(http, 200, new { utcNow = core.Clock.UtcNow });
                    break;
                case ("GET", "clock"):
                    await JsonAsync(http, 200, new { utcNow = core.Clock.UtcNow });
                    break;
                default:
                    await JsonAsync(http, 404, new { error = $"No control endpoint {method} /_control/{route}." });
                    break;
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            if (!http.Response.HasStarted)
            {
                await JsonAsync(http, 400, new { error = ex.Message });
            }
        }
    }

    /// <summary>Writes a value as JSON.</summary>
    private static async Task JsonAsync<T>(HttpContext http, int statusCode, T value)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, value, ControlJson.Options, http.RequestAborted);
    }

    private static async Task<T?> ReadAsync<T>(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<T>(text, ControlJson.Options);
    }

    /// <summary>Overlays the properties present in <paramref name="patch"/> on the current settings.</summary>
    private static SimulatorSettings Merge(SimulatorSettings current, JsonObject patch)
    {
        var merged = JsonSerializer.SerializeToNode(current, ControlJson.Options)!.AsObject();
        foreach (var (name, value) in patch)
        {
            var key = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new JsonException($"Unknown setting '{name}'.");
            merged[key] = value?.DeepClone();
        }

        return merged.Deserialize<SimulatorSettings>(ControlJson.Options) ?? current;
    }
}
