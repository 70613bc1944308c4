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
    public static string ToFts5(string? text, MessageSearchSyntax syntax)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid("The search query is empty.", text ?? string.Empty);
        }

        if (syntax == MessageSearchSyntax.Fts5)
        {
            return text;
        }

        // Control characters separate words like spaces (FTS5 would end its string at a NUL).
        text = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        var parts = new List<string>();
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
                parts.Add("\"" + part.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (prefix ? "*" : string.Empty));
            }
        }

        return parts.Count > 0
            ? string.Join(' ', parts)
            : throw Invalid($"The search query '{text}' has no word to search for (letters or digits).", text);
    }

    public static HostawayException Invalid(string message, string query, Exception? inner = null) => new(
        ErrorIds.SearchQueryInvalid, ErrorKind.InvalidArgument, message,
        "Search for plain words, or write a valid SQLite FTS5 query with -Syntax Fts5 (see Get-Help Search-HostawayMessage -Full).", query, inner);

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
