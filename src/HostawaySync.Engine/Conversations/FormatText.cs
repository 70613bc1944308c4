using System.Globalization;
using System.Text;

namespace HostawaySync.Engine.Conversations;

/// <summary>The vocabulary of format 1 shared by the writer and the reader, and the value normalizations.</summary>
internal static class FormatText
{
    public const int Version = 1;
    public const string FormatLinePrefix = "# HostawaySync conversation";
    public const string SeparatorMarker = "===";
    public const string SeparatorPrefix = "=== ";
    public const char Escape = '\\';
    public const string Unknown = "-";
    public const string GuestWord = "guest";
    public const string HostWord = "host";
    public const string MessageWord = "message";
    public const string UtcSuffix = " UTC";

    public const string ConversationKey = "Conversation";
    public const string ReservationKey = "Reservation";
    public const string ListingKey = "Listing";
    public const string GuestKey = "Guest";
    public const string GuestEmailKey = "Guest email";
    public const string ChannelKey = "Channel";
    public const string StayKey = "Stay";
    public const string DeletedKey = "Deleted";
    public const string StayJoiner = " to ";

    public const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
    ];

    /// <summary>A header value on one line: control characters and line/paragraph separators become spaces, ends trimmed, empty is unknown.</summary>
    public static string? NormalizeHeaderValue(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = TextLimits.ReplaceLoneSurrogates(value);
        if (HasLineBreakingOrControl(text))
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
            }

            text = builder.ToString();
        }

        text = text.Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>A separator field (type, status): like a header value, with <c>|</c> turned into <c>/</c>; <c>-</c> means unknown.</summary>
    public static string? NormalizeToken(string? value)
    {
        var text = NormalizeHeaderValue(value)?.Replace('|', '/').Trim();
        return string.IsNullOrEmpty(text) || text == Unknown ? null : text;
    }

    /// <summary>A body as the file keeps it: CR LF and lone CR become LF, lone surrogates become U+FFFD.</summary>
    public static string NormalizeBody(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return string.Empty;
        }

        var text = TextLimits.ReplaceLoneSurrogates(body);
        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
    }

    /// <summary>A time as UTC: local times are converted, unspecified times are taken as UTC already.</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    public static string FormatTime(DateTime? value) =>
        value is { } time ? ToUtc(time).ToString(TimeFormat, CultureInfo.InvariantCulture) + UtcSuffix : Unknown;

    public static bool TryParseTime(string text, out DateTime value)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^4].TrimEnd();
        }
        else if (trimmed.EndsWith('Z') || trimmed.EndsWith('z'))
        {
            trimmed = trimmed[..^1];
        }

        return DateTime.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    public static string FormatDate(DateOnly? value) =>
        value is { } date ? date.ToString(DateFormat, CultureInfo.InvariantCulture) : Unknown;

    public static bool TryParseDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static string FormatId(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseId(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>True when a body line must be escaped so that it cannot be read as a separator or lose a leading backslash.</summary>
    public static bool NeedsEscape(string line) =>
        line.StartsWith(SeparatorMarker, StringComparison.Ordinal) || line.StartsWith(Escape);

    private static bool HasLineBreakingOrControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
