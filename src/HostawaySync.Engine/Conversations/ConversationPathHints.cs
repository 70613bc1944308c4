using System.Globalization;
using System.Text.RegularExpressions;

namespace HostawaySync.Engine.Conversations;

/// <summary>
/// What a conversation file's path suggests: the listing from its folder (<c>Name (id)</c> folders give the
/// id) and the guest, date and, for suffixed names, conversation id from
/// <c>{guest}_{date}[_{conversationId}]_conversation.txt</c>.
/// </summary>
internal sealed partial record ConversationPathHints(string? ListingName, long? ListingId, string? GuestName, DateOnly? Date, long? ConversationId)
{
    public static ConversationPathHints None { get; } = new(null, null, null, null, null);

    public static ConversationPathHints Parse(string? relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            return None;
        }

        var segments = relativePath.Split('/', '\\');
        var fileName = segments[^1];
        var folder = segments.Length > 1 ? segments[^2] : null;

        string? listingName = folder;
        long? listingId = null;
        var folderMatch = folder is null ? null : ListingFolder().Match(folder);
        if (folderMatch is { Success: true } && long.TryParse(folderMatch.Groups["id"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            listingId = id;
            listingName = folderMatch.Groups["name"].Value.Length == 0 ? null : folderMatch.Groups["name"].Value;
        }

        var fileMatch = ConversationFileName().Match(fileName);
        if (!fileMatch.Success)
        {
            return new ConversationPathHints(string.IsNullOrEmpty(listingName) ? null : listingName, listingId, null, null, null);
        }

        DateOnly? date = FormatText.TryParseDate(fileMatch.Groups["date"].Value, out var parsedDate) ? parsedDate : null;
        long? conversationId = fileMatch.Groups["id"].Success && FormatText.TryParseId(fileMatch.Groups["id"].Value, out var conversation) ? conversation : null;
        return new ConversationPathHints(string.IsNullOrEmpty(listingName) ? null : listingName, listingId, fileMatch.Groups["guest"].Value, date, conversationId);
    }

    [GeneratedRegex(@"^(?<name>.*?) ?\((?<id>-?[0-9]{1,19})\)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListingFolder();

    // Greedy guest: the last date-like part before the suffix is the date, so guest names may contain underscores and dates.
    [GeneratedRegex(@"^(?<guest>.+)_(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2}|undated)(?:_(?<id>-?[0-9]{1,19})(?:-[0-9]+)?)?_conversation\.txt$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConversationFileName();
}
