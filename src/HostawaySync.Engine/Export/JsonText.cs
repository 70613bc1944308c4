using System.Buffers;
using System.Text;
using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Export;

/// <summary>
/// A JSON string literal as UTF-8 bytes, written the way JSONL tools write text: every character as raw UTF-8 (emoji,
/// right-to-left and CJK text included), except <c>"</c> and <c>\</c>, which get a backslash, and the control characters
/// U+0000 to U+001F, which become <c>\b \t \n \f \r</c> or <c>\u00XX</c>. Lone surrogates have no UTF-8 form and become
/// U+FFFD. The same text always gives the same bytes.
/// </summary>
internal static class JsonText
{
    private static readonly SearchValues<char> NeedEscaping = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>The quoted, escaped literal for <paramref name="text"/>, in UTF-8.</summary>
    public static byte[] Utf8(string text)
    {
        text = TextLimits.ReplaceLoneSurrogates(text);
        var builder = new StringBuilder(text.Length + 16).Append('"');
        var rest = text.AsSpan();
        int next;
        while ((next = rest.IndexOfAny(NeedEscaping)) >= 0)
        {
            builder.Append(rest[..next]);
            var c = rest[next];
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\b' => builder.Append("\\b"),
                '\t' => builder.Append("\\t"),
                '\n' => builder.Append("\\n"),
                '\f' => builder.Append("\\f"),
                '\r' => builder.Append("\\r"),
                _ => builder.Append("\\u00").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)),
            };
            rest = rest[(next + 1)..];
        }

        return Encoding.UTF8.GetBytes(builder.Append(rest).Append('"').ToString());
    }
}
