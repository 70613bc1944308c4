using System.Text;
using System.Text.Json;

namespace HostawaySync.Engine.Api;

/// <summary>Pulls a short, human-readable reason out of an error body: <c>message</c>, <c>result</c> or <c>error_description</c>, else the start of the text.</summary>
internal static class ApiErrorText
{
    private const int MaxLength = 300;

    public static string From(byte[] body)
    {
        if (body.Length == 0)
        {
            return "empty body";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "message", "result", "error_description", "error" })
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                    {
                        return Shorten(value.GetString()!);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page, say): fall back to the text.
        }

        return Shorten(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxLength * 2)));
    }

    private static string Shorten(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= MaxLength ? collapsed : collapsed[..MaxLength] + "…";
    }
}
