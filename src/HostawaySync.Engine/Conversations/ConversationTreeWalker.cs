namespace HostawaySync.Engine.Conversations;

/// <summary>
/// Walks a folder tree one folder at a time, in ordinal name order, without following symbolic links or
/// junctions and skipping hidden and system entries. Folders that vanish or cannot be read are skipped.
/// </summary>
internal static class ConversationTreeWalker
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        ReturnSpecialDirectories = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>Each folder under <paramref name="root"/> (the root first) with its files.</summary>
    public static IEnumerable<(string Folder, IReadOnlyList<FileInfo> Files)> Walk(string root, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = pending.Pop();
            var entries = List(folder);
            foreach (var subfolder in entries.OfType<DirectoryInfo>().Where(entry => !IsLink(entry)).Reverse())
            {
                pending.Push(subfolder.FullName);
            }

            yield return (folder, entries.OfType<FileInfo>().ToList());
        }
    }

    /// <summary>Every folder under <paramref name="root"/>, the root first.</summary>
    public static IEnumerable<string> Folders(string root, CancellationToken cancellationToken) =>
        Walk(root, cancellationToken).Select(item => item.Folder);

    public static bool IsLink(FileSystemInfo entry) =>
        entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint);

    private static List<FileSystemInfo> List(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).EnumerateFileSystemInfos("*", Options)
                .OrderBy(entry => entry.Name, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
