using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HostawaySync.Engine.Api.Json;

/// <summary>
/// JSON strings that .NET refuses to read: an escaped lone surrogate (<c>"\uD83D"</c>, half an emoji cut off by a
/// channel) is valid JSON but makes <see cref="JsonElement.GetString"/> throw. One such guest name must not cost the
/// row, so it is read with U+FFFD in place of the broken half; the raw JSON keeps the original.
/// </summary>
internal static class LenientString
{
    /// <summary>The text of a string element, strictly when .NET can, otherwise with lone surrogates replaced.</summary>
    public static string Get(JsonElement value) => TryGetStrict(value, out var text) ? text : Decode(value.GetRawText());

    /// <summary>The text of a string element, or false when it holds a lone surrogate escape.</summary>
    public static bool TryGetStrict(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    // The literal comes from a document JsonDocument has validated: quotes at both ends, every escape complete.
    private static string Decode(string literal)
    {
        var text = new StringBuilder(literal.Length);
        for (var i = 1; i < literal.Length - 1; i++)
        {
            if (literal[i] != '\\')
            {
                text.Append(literal[i]);
                continue;
            }

            var escape = literal[++i];
            if (escape == 'u')
            {
                text.Append((char)ushort.Parse(literal.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 4;
                continue;
            }

            text.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }
}
