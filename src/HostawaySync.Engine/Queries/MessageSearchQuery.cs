using System.Globalization;
using System.Text;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Queries;

/// <summary>
/// Turns what a user typed into an FTS5 query. In <see cref="MessageSearchSyntax.Simple"/> every word and every
/// "quoted phrase" becomes a quoted FTS5 string, so nothing the user types (AND, NEAR, a colon, a dash, a lone
/// quote) is read as an operator or can be a syntax error; FTS5 ANDs the strings. A trailing * keeps its meaning
/// (prefix). Control characters count as spaces. Parts without a letter or digit are dropped: the tokenizer would
/// find no word in them, and an empty FTS5 string matches nothing.
/// </summary>
internal static class MessageSearchQuery
{
    /// <summary>The FTS5 query for what the user typed: simple syntax rewritten, FTS5 syntax as it is.</summary>
    public static string ToFts5(string? text, MessageSearchSyntax syntax) => syntax == MessageSearchSyntax.Fts5
        ? (string.IsNullOrWhiteSpace(text) ? throw Empty(text) : text)
        : ToFts5(Parse(text));

    /// <summary>The FTS5 query that matches every part: each a quoted FTS5 string, * after it for a prefix; FTS5 ANDs them.</summary>
    public static string ToFts5(IReadOnlyList<SearchPart> parts) =>
        string.Join(' ', parts.Select(p => "\"" + p.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (p.Prefix ? "*" : string.Empty)));

    /// <summary>The words and phrases of a simple-syntax query, in the order typed.</summary>
    /// <exception cref="HostawayException">The query is empty or has no word (<see cref="ErrorIds.SearchQueryInvalid"/>).</exception>
    public static IReadOnlyList<SearchPart> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Empty(text);
        }

        // Control characters separate words like spaces (FTS5 would end its string at a NUL).
        text = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        var parts = new List<SearchPart>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            string part;
            var closing = text[i] == '"' ? text.IndexOf('"', i + 1) : -1;
            if (closing > 0)
            {
                part = text[(i + 1)..closing];
                i = closing + 1;
            }
            else
            {
                // A word runs to the next space or quote; an unmatched quote is only a separator.
                var start = text[i] == '"' ? i + 1 : i;
                var end = start;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
                {
                    end++;
                }

                part = text[start..end];
                i = end;
            }

            var prefix = part.EndsWith('*') || (i < text.Length && text[i] == '*');
            while (i < text.Length && text[i] == '*')
            {
                i++;
            }

            part = part.TrimEnd('*');
            if (HasWord(part))
            {
                parts.Add(new SearchPart(part, prefix));
            }
        }

        return parts.Count > 0
            ? parts
            : throw Invalid($"The search query '{text}' has no word to search for (letters or digits).", text);
    }

    /// <summary>The -Syntax Fts5 refusal of a store that has no FTS5 (PostgreSQL).</summary>
    public static HostawayException Fts5Unavailable(string query) => new(
        ErrorIds.SearchQueryInvalid, ErrorKind.InvalidArgument,
        "Raw FTS5 syntax (-Syntax Fts5) works only with a SQLite database; this store is PostgreSQL, whose search reads the simple syntax.",
        "Search with the simple syntax (leave -Syntax out): plain words, \"quoted phrases\" and a trailing * for a prefix.", query);

    public static HostawayException Invalid(string message, string query, Exception? inner = null) => new(
        ErrorIds.SearchQueryInvalid, ErrorKind.InvalidArgument, message,
        "Search for plain words, or write a valid SQLite FTS5 query with -Syntax Fts5 (see Get-Help Search-HostawayMessage -Full).", query, inner);

    private static HostawayException Empty(string? text) => Invalid("The search query is empty.", text ?? string.Empty);

    /// <summary>Whether the FTS5 unicode61 tokenizer would find a word in the text: a letter, a number or a private-use character (categories L*, N*, Co).</summary>
    private static bool HasWord(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) || Rune.IsNumber(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.PrivateUse)
            {
                return true;
            }
        }

        return false;
    }
}
