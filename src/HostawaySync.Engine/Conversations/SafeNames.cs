using System.Text;

namespace HostawaySync.Engine.Conversations;

/// <summary>Turns arbitrary names into one file or folder name that is valid and harmless on Windows, macOS and Linux.</summary>
internal static class SafeNames
{
    /// <summary>The longest file name, in UTF-8 bytes, that common file systems (ext4, APFS, NTFS in UTF-16 units) accept.</summary>
    public const int MaxNameUtf8Bytes = 255;

    private const string Forbidden = "/\\:*?\"<>|";

    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2", "COM\u00B3",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9", "LPT\u00B2", "LPT\u00B3",
    };

    public static string Segment(string? name, string fallback, int maxChars, int maxUtf8Bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUtf8Bytes, 4);
        var cleaned = Clean(name, maxChars, maxUtf8Bytes);
        if (cleaned.Length > 0)
        {
            return cleaned;
        }

        var cleanedFallback = Clean(fallback, maxChars, maxUtf8Bytes);
        return cleanedFallback.Length > 0 ? cleanedFallback : "_";
    }

    /// <summary>True for Windows device names (CON, NUL, COM1...), also with an extension (<c>aux.txt</c>) or trailing spaces.</summary>
    public static bool IsReservedDeviceName(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot < 0 ? name : name[..dot]).TrimEnd(' ');
        return ReservedDeviceNames.Contains(stem);
    }

    /// <summary>Bidirectional formatting characters that can make a name display differently from what it is.</summary>
    public static bool IsBidiControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    private static string Clean(string? name, int maxChars, int maxUtf8Bytes)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var text = TextLimits.ReplaceLoneSurrogates(name);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsBidiControl(c) || c == '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                // Line breaks and tabs count as whitespace, so "John\nSmith" becomes "John Smith", not "JohnSmith".
                pendingSpace = true;
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            if (pendingSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(Forbidden.Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        // Windows drops trailing dots and spaces; a leading dot hides the file on Unix and '.'/'..' are not names.
        var result = builder.ToString().Normalize(NormalizationForm.FormC).Trim(' ', '.');
        result = TextLimits.Truncate(result, maxChars, maxUtf8Bytes).Trim(' ', '.');
        if (result.Length > 0 && IsReservedDeviceName(result))
        {
            result = TextLimits.Truncate("_" + result, maxChars, maxUtf8Bytes).TrimEnd(' ', '.');
        }

        return result;
    }
}
