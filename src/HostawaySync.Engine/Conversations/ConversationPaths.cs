using System.Globalization;
using System.Text;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Conversations;

/// <summary>
/// Names conversation files under a root folder (<c>{listing}/{guest}_{date}_conversation.txt</c>) and
/// resolves relative paths, refusing any that would lead outside the root.
/// </summary>
public sealed class ConversationPaths
{
    /// <summary>Longest listing-name part of a listing folder, in characters (the id is added after it).</summary>
    public const int MaxListingNameLength = 60;

    /// <summary>Longest guest-name part of a file name, in characters.</summary>
    public const int MaxGuestNameLength = 50;

    /// <summary>Extension of conversation files.</summary>
    public const string FileSuffix = "_conversation.txt";

    private const string UndatedText = "undated";

    /// <summary>Creates the paths for a root folder (which need not exist yet).</summary>
    /// <exception cref="HostawayException">The root is not a valid path (<see cref="ErrorIds.ConfigurationInvalid"/>).</exception>
    public ConversationPaths(string root)
    {
        Root = ConversationRoot.Normalize(root);
        RootWithSeparator = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
    }

    /// <summary>
    /// How relative paths must be compared when deciding whether one is taken: case-insensitively, because
    /// Windows and macOS file systems treat names that differ only in case as the same file.
    /// </summary>
    public static StringComparer PathComparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>The root folder, as a full path without a trailing separator.</summary>
    public string Root { get; }

    internal string RootWithSeparator { get; }

    /// <summary>
    /// Makes one file or folder name out of any text: Unicode NFC; control characters and bidirectional
    /// overrides/isolates/marks removed (line breaks and tabs count as spaces); <c>/ \ : * ? " &lt; &gt; |</c>
    /// replaced with <c>_</c>; whitespace collapsed to one space; leading and trailing spaces and dots trimmed;
    /// Windows device names (CON, NUL, COM1, <c>aux.txt</c>...) prefixed with <c>_</c>; cut to
    /// <paramref name="maxLength"/> characters and 255 UTF-8 bytes on a text-element boundary. Empty results,
    /// <c>.</c> and <c>..</c> give <paramref name="fallback"/> (itself cleaned the same way, or <c>_</c>).
    /// </summary>
    public static string SafeSegment(string? name, string fallback, int maxLength) =>
        SafeNames.Segment(name, fallback, maxLength, SafeNames.MaxNameUtf8Bytes);

    /// <summary>
    /// The relative path (with <c>/</c>) for a conversation's file: <c>{listing name} ({listing id})/{guest}_{yyyy-MM-dd}_conversation.txt</c>,
    /// with <c>listing</c>, <c>guest</c> and <c>undated</c> for unknown parts. If <paramref name="isTaken"/> says another
    /// conversation owns that path, the conversation id is added before <c>_conversation.txt</c> (and, should that be
    /// taken too, <c>-2</c>, <c>-3</c>...). The same inputs and answers always give the same path.
    /// </summary>
    /// <param name="listingId">Listing id; it keeps listings with the same name apart.</param>
    /// <param name="listingName">Listing name.</param>
    /// <param name="guestName">Guest name.</param>
    /// <param name="date">The date in the file name (normally the arrival date).</param>
    /// <param name="conversationId">Conversation id, used when the plain name is taken.</param>
    /// <param name="isTaken">Whether another conversation already owns a candidate path; compare with <see cref="PathComparer"/>.</param>
    public string RelativePathFor(long listingId, string? listingName, string? guestName, DateOnly? date, long conversationId, Func<string, bool> isTaken)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        var idPart = " (" + FormatText.FormatId(listingId) + ")";
        var folder = SafeNames.Segment(listingName, "listing", MaxListingNameLength, SafeNames.MaxNameUtf8Bytes - idPart.Length) + idPart;
        var dateText = date is { } day ? day.ToString(FormatText.DateFormat, CultureInfo.InvariantCulture) : UndatedText;
        var conversationText = FormatText.FormatId(conversationId);

        // Budget for the longest variant ("_{date}_{id}-{n}_conversation.txt") so that the guest part never changes between variants.
        var longestSuffix = "_" + dateText + "_" + conversationText + "-99999" + FileSuffix;
        var guest = SafeNames.Segment(guestName, "guest", MaxGuestNameLength, SafeNames.MaxNameUtf8Bytes - Encoding.UTF8.GetByteCount(longestSuffix));

        var candidate = folder + "/" + guest + "_" + dateText + FileSuffix;
        for (var attempt = 1; isTaken(candidate); attempt++)
        {
            if (attempt > 99999)
            {
                throw new InvalidOperationException($"Every file name for conversation {conversationText} is reported as taken.");
            }

            var counter = attempt == 1 ? string.Empty : "-" + attempt.ToString(CultureInfo.InvariantCulture);
            candidate = folder + "/" + guest + "_" + dateText + "_" + conversationText + counter + FileSuffix;
        }

        FullPath(candidate);
        return candidate;
    }

    /// <summary>
    /// The full path of a path relative to the root. Refuses rooted paths, empty, <c>.</c> and <c>..</c>
    /// segments, drive letters and other colons, control characters, Windows device names, and paths whose
    /// existing parts are symbolic links leading outside the root. <c>\</c> counts as a separator everywhere.
    /// </summary>
    /// <exception cref="HostawayException">The path would not be strictly inside the root (<see cref="ErrorIds.ConversationPathOutsideRoot"/>).</exception>
    public string FullPath(string relativePath)
    {
        var segments = ConversationRoot.CheckRelative(relativePath, Root);
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(Path.Combine([Root, .. segments]));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw ConversationErrors.OutsideRoot(relativePath, Root, "it is not a valid path", ex);
        }

        if (!IsStrictlyInside(fullPath))
        {
            throw ConversationErrors.OutsideRoot(relativePath, Root, "it resolves outside the folder");
        }

        ConversationRoot.CheckLinks(this, relativePath, segments);
        return fullPath;
    }

    /// <summary>The path of a file under the root relative to it, with <c>/</c> separators.</summary>
    public string RelativePathOf(string fullPath)
    {
        var full = Path.GetFullPath(fullPath);
        if (!IsStrictlyInside(full))
        {
            throw ConversationErrors.OutsideRoot(fullPath, Root, "it is not inside the folder");
        }

        return full[RootWithSeparator.Length..].Replace(Path.DirectorySeparatorChar, '/');
    }

    internal bool IsStrictlyInside(string fullPath) =>
        fullPath.Length > RootWithSeparator.Length && fullPath.StartsWith(RootWithSeparator, StringComparison.Ordinal);
}
