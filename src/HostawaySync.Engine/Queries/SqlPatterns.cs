using System.Text;

namespace HostawaySync.Engine.Queries;

/// <summary>PowerShell wildcards (<c>*</c>, <c>?</c>) as SQL LIKE patterns (escape character <c>\</c>); SQLite's LIKE ignores ASCII case.</summary>
internal static class SqlPatterns
{
    public static string Like(string wildcard)
    {
        var like = new StringBuilder(wildcard.Length + 4);
        foreach (var c in wildcard)
        {
            like.Append(c switch
            {
                '*' => "%",
                '?' => "_",
                '%' or '_' or '\\' => "\\" + c,
                _ => c.ToString(),
            });
        }

        return like.ToString();
    }

    /// <summary>The text with A-Z in lower case and every other character as it is (what SQLite's lower() does).</summary>
    public static string AsciiLower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + ('a' - 'A')) : source[i];
        }
    });
}
