using System.Text;

namespace HostawaySync.Engine.Conversations;

/// <summary>What the store and the indexer share: temporary-file names, the encoding, and reading a file without throwing.</summary>
internal static class ConversationFileConventions
{
    /// <summary>Files larger than this are not parsed (a conversation file of this size is almost certainly something else).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private const string TemporaryPrefix = ".hostawaysync-";
    private const string TemporarySuffix = ".tmp";

    /// <summary>UTF-8 without BOM; invalid bytes read as U+FFFD instead of failing.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>A hidden, unique temporary name in the target's folder (same volume, so the final rename is atomic).</summary>
    public static string NewTemporaryName() => TemporaryPrefix + Guid.NewGuid().ToString("N") + TemporarySuffix;

    public static bool IsTemporaryName(string fileName) =>
        fileName.StartsWith(TemporaryPrefix, StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(TemporarySuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Deletes temporary files in one folder last written before <paramref name="cutoffUtc"/>; returns how many.</summary>
    public static int DeleteTemporaryFiles(string folder, DateTime cutoffUtc)
    {
        var deleted = 0;
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true, RecurseSubdirectories = false };
        IEnumerable<FileInfo> candidates;
        try
        {
            candidates = new DirectoryInfo(folder).EnumerateFiles(TemporaryPrefix + "*" + TemporarySuffix, options).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        foreach (var file in candidates)
        {
            try
            {
                if (IsTemporaryName(file.Name) && file.LinkTarget is null && file.LastWriteTimeUtc < cutoffUtc)
                {
                    file.Delete();
                    deleted++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another process may be cleaning up too, or the file is in use; it will be tried again next time.
            }
        }

        return deleted;
    }

    /// <summary>Reads and parses a file; problems opening or reading it become parse problems.</summary>
    public static ConversationParseResult ParseFile(string fullPath, string relativePath)
    {
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > MaxFileBytes)
            {
                return Unreadable($"The file is {length} bytes, more than the {MaxFileBytes} bytes a conversation file may have; it was not read.");
            }

            using var reader = new StreamReader(fullPath, Utf8, detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, Options = FileOptions.SequentialScan });
            return ConversationFileFormat.Parse(reader, relativePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable($"The file could not be read: {ex.Message}");
        }
    }

    public static ConversationParseResult Unreadable(string reason) =>
        new(ConversationFileKind.Unknown, null, ConversationFileHeader.Empty, [], [new ConversationParseProblem(0, string.Empty, reason)]);
}
