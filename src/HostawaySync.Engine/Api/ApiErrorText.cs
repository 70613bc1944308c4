using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HostawaySync.Engine.Api;

/// <summary>
/// Pulls a short, human-readable reason out of an error body: <c>message</c>, <c>result</c> or <c>error_description</c>,
/// else the start of the text. Access tokens are never repeated: an error body that echoes one shows it redacted.
/// </summary>
internal static partial class ApiErrorText
{
    /// <summary>What stands in for an access token in a message.</summary>
    public const string Redacted = "[redacted]";

    private const int MaxLength = 300;

    public static string From(byte[] body)
    {
        if (body.Length == 0)
        {
            return "empty body";
        }

        if (IsHtml(body))
        {
            return "an HTML page: " + HtmlTitle(body);
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

    /// <summary>Whether the body is an HTML page (a proxy's, a load balancer's, a maintenance page) rather than the API's JSON.</summary>
    public static bool IsHtml(byte[] body)
    {
        var start = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 64)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        // JSON never starts with '<'; markup (<!DOCTYPE, <html>, a bare <h1>) does.
        return start.StartsWith('<');
    }

    /// <summary>An HTML page's title (or first heading) as plain text; the markup itself says nothing to a user.</summary>
    public static string HtmlTitle(byte[] body)
    {
        var html = Encoding.UTF8.GetString(body);
        foreach (var tag in (ReadOnlySpan<string>)["title", "h1"])
        {
            var start = html.IndexOf("<" + tag, StringComparison.OrdinalIgnoreCase);
            var open = start < 0 ? -1 : html.IndexOf('>', start);
            var close = open < 0 ? -1 : html.IndexOf("</" + tag, open, StringComparison.OrdinalIgnoreCase);
            if (close > open && WebUtility.HtmlDecode(html[(open + 1)..close]) is var text && !string.IsNullOrWhiteSpace(text))
            {
                return Shorten(text);
            }
        }

        return "untitled";
    }

    /// <summary>
    /// <paramref name="text"/> without access tokens: the value of a <c>token</c> query parameter, and anything shaped like
    /// a JWT (Hostaway's tokens are JWTs), become <see cref="Redacted"/>.
    /// </summary>
    public static string Redact(string text) => Jwt().Replace(TokenParameter().Replace(text, "$1" + Redacted), Redacted);

    [GeneratedRegex(@"([?&;]token=)[^&#\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenParameter();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    private static string Shorten(string text)
    {
        var collapsed = Redact(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        return collapsed.Length <= MaxLength ? collapsed : collapsed[..MaxLength] + "…";
    }
}
