using System.Globalization;
using System.Text.RegularExpressions;

namespace HostawaySync.Engine.Conversations;

/// <summary>
/// The line shapes of chat logs left by earlier tools: <c>[2026-06-28 11:24(:40)] Name: text</c>,
/// <c>2026-06-28 11:24(:40) - Name: text</c>, and <c>From: Name</c> / <c>Date: 2026-06-28 11:24:40</c> blocks
/// closed by <c>---</c>. Times carry no zone and are taken as UTC.
/// </summary>
internal static partial class ChatLogLineShapes
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd H:mm:ss", "yyyy-MM-dd H:mm"];

    /// <summary>A one-line message start of either bracketed or dashed shape.</summary>
    public static bool TryMessageLine(string line, out DateTime? sentAt, out string name, out string text)
    {
        var match = BracketedLine().Match(line);
        if (!match.Success)
        {
            match = DashedLine().Match(line);
        }

        if (!match.Success || string.IsNullOrWhiteSpace(match.Groups["name"].Value))
        {
            sentAt = null;
            name = string.Empty;
            text = string.Empty;
            return false;
        }

        sentAt = ParseTime(match.Groups["date"].Value, match.Groups["time"].Value);
        name = match.Groups["name"].Value.Trim();
        text = match.Groups["text"].Value;
        return true;
    }

    /// <summary><c>From: Name</c>.</summary>
    public static bool TryFrom(string line, out string name) => TryField(line, "From:", out name);

    /// <summary><c>Date: ...</c>; <paramref name="sentAt"/> is null when the value is not <c>yyyy-MM-dd HH:mm(:ss)</c>.</summary>
    public static bool TryDate(string line, out DateTime? sentAt, out string value)
    {
        sentAt = null;
        if (!TryField(line, "Date:", out value))
        {
            return false;
        }

        var match = DateValue().Match(value);
        if (match.Success)
        {
            sentAt = ParseTime(match.Groups["date"].Value, match.Groups["time"].Value);
        }

        return true;
    }

    /// <summary>The <c>---</c> line that closes a From/Date block.</summary>
    public static bool IsBlockEnd(string line) => BlockEnd().IsMatch(line);

    private static bool TryField(string line, string label, out string value)
    {
        if (line.StartsWith(label, StringComparison.OrdinalIgnoreCase))
        {
            value = line[label.Length..].Trim();
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static DateTime? ParseTime(string date, string time) =>
        DateTime.TryParseExact(date + " " + time, TimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;

    [GeneratedRegex(@"^\[(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[ T](?<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)\] ?(?<name>[^:\]]{1,120}):[ \t]?(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedLine();

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[ T](?<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?) +- +(?<name>[^:]{1,120}):[ \t]?(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DashedLine();

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[ T](?<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?: ?(?:UTC|Z))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateValue();

    [GeneratedRegex(@"^-{3,}[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnd();
}
