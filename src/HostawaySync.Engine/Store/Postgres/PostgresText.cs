using System.Text;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// PostgreSQL cannot store the NUL character: not in text (invalid byte sequence 0x00) and not as <c>\u0000</c> in jsonb
/// (unsupported Unicode escape). An API text that holds one would fail its whole page, so the PostgreSQL store writes
/// U+FFFD (the replacement character) in its place. Only the database columns change: the content hash is computed from
/// the API's text as received, and the conversation files keep the text as sent.
/// </summary>
internal static class PostgresText
{
    private const char Replacement = '\uFFFD';

    /// <summary>The text with every NUL replaced by U+FFFD (the same instance when it has none).</summary>
    public static string? Clean(string? text) =>
        text is null || !text.Contains('\0', StringComparison.Ordinal) ? text : text.Replace('\0', Replacement);

    /// <summary>
    /// JSON text with every <c>\u0000</c> escape (and raw NUL) replaced by <c>\ufffd</c>. An escaped backslash followed by
    /// <c>u0000</c> (the six characters <c>\\u0000</c>) is text, not an escape, and is kept.
    /// </summary>
    public static string? CleanJson(string? json)
    {
        if (json is null || (!json.Contains("u0000", StringComparison.OrdinalIgnoreCase) && !json.Contains('\0', StringComparison.Ordinal)))
        {
            return json;
        }

        var result = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '\0')
            {
                result.Append(Replacement);
                continue;
            }

            if (c != '\\' || i + 1 >= json.Length)
            {
                result.Append(c);
                continue;
            }

            // An escape: a backslash and the character after it belong together, so "\\\\" never starts another escape.
            if (json[i + 1] == 'u' && i + 5 < json.Length && json.AsSpan(i + 2, 4).SequenceEqual("0000"))
            {
                result.Append("\\ufffd");
                i += 5;
            }
            else
            {
                result.Append(c).Append(json[i + 1]);
                i++;
            }
        }

        return result.ToString();
    }
}
