using System.Text;
using System.Text.RegularExpressions;

namespace HostawaySync.Engine.Export;

/// <summary>
/// Matches the names the store knows for one conversation, as whole words, ignoring case: each full name and
/// each of its words (so "Hi Maria" is caught when only "Maria García" is known). Words shorter than two
/// characters, without a letter, name particles (de, van, la...) and role words (Host, Manager, Reserved...)
/// are not names on their own. An apostrophe in a name also matches a typographic one (O'Connor, O’Connor).
/// This is not a general name recognizer: names the store does not know are not found.
/// </summary>
internal static class NamePattern
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        // Particles of family names, which are ordinary words in many languages.
        "al", "ap", "bin", "ben", "da", "das", "de", "del", "della", "der", "des", "di", "do", "dos", "du", "el", "la", "las",
        "le", "les", "lo", "los", "St", "te", "ten", "ter", "van", "von", "y", "zu", "zur",
        // Placeholders and role words that channels and earlier tools put where a name would be.
        "reserved", "guest", "guests", "host", "hosts", "manager", "owner", "team", "support", "concierge", "admin", "staff",
        "unknown", "none", "null", "me", "you", "mr", "mrs", "ms", "dr", "and", "the",
    };

    private static readonly string[] RoleWords = ["host", "manager", "owner", "team", "support", "concierge", "me", "you"];

    /// <summary>
    /// Whether a sender name of an earlier tool's chat log is a role or the listing rather than a person (the words
    /// that make such a sender the host, as FORMAT.md lists them), so that it is not redacted everywhere as a name.
    /// </summary>
    public static bool IsRoleOrPlace(string sender, string? listingName) =>
        string.Equals(sender.Trim(), listingName?.Trim(), StringComparison.OrdinalIgnoreCase)
        || sender.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Any(w => RoleWords.Contains(TrimToName(w), StringComparer.OrdinalIgnoreCase));

    /// <summary>A pattern for the names, or null when none of them can be a name.</summary>
    public static Regex? Create(IEnumerable<string?> names)
    {
        var candidates = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var words = (name ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(TrimToName).Where(w => w.Length > 0).ToList();
            if (words.Count > 1 && words.Any(IsName))
            {
                candidates.Add(string.Join(' ', words));
            }

            foreach (var word in words.Where(IsName))
            {
                candidates.Add(word);
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // Longest first, so "Maria García" is one [NAME] rather than two.
        var alternatives = candidates.OrderByDescending(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).Select(Alternative);
        var pattern = @"(?<![\p{L}\p{M}\p{N}_])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{M}\p{N}_])";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
    }

    private static bool IsName(string word) => word.Length >= 2 && word.Any(char.IsLetter) && !NotNames.Contains(word);

    // "(John)," -> "John"; a name's own inner punctuation (O'Connor, Al-Farsi) stays.
    private static string TrimToName(string word)
    {
        var start = 0;
        var end = word.Length;
        while (start < end && !char.IsLetterOrDigit(word[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(word[end - 1]) && char.GetUnicodeCategory(word[end - 1]) is not (System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark))
        {
            end--;
        }

        return word[start..end];
    }

    private static string Alternative(string name)
    {
        var builder = new StringBuilder();
        foreach (var word in name.Split(' '))
        {
            if (builder.Length > 0)
            {
                builder.Append(@"\s+");
            }

            foreach (var c in Regex.Escape(word))
            {
                if (c is '\'' or '’')
                {
                    builder.Append("['’]");
                }
                else
                {
                    builder.Append(c);
                }
            }
        }

        return builder.ToString();
    }
}
