namespace HostawaySync.Engine.Conversations;

/// <summary>
/// Finds the conversation files already under a root (ours and those of earlier tools) so that their messages
/// can be indexed. Enumerates <c>*.txt</c> recursively, one file at a time, never following symbolic links
/// (a linked <c>.txt</c> file is reported, not read), skipping hidden entries and the store's temporary files.
/// Never throws for a bad or unreadable file: its problems are in the result.
/// </summary>
public static class ConversationFileIndexer
{
    /// <summary>Scans the root lazily: each file is read and parsed when the enumeration reaches it. A missing root gives nothing.</summary>
    /// <exception cref="Errors.HostawayException">The root is not a valid path (<see cref="Errors.ErrorIds.ConfigurationInvalid"/>).</exception>
    public static IEnumerable<IndexedConversationFile> Scan(string root, CancellationToken cancellationToken = default)
    {
        var paths = new ConversationPaths(root);
        return ScanFolders(paths, cancellationToken);
    }

    private static IEnumerable<IndexedConversationFile> ScanFolders(ConversationPaths paths, CancellationToken cancellationToken)
    {
        foreach (var (_, files) in ConversationTreeWalker.Walk(paths.Root, cancellationToken))
        {
            foreach (var file in files)
            {
                if (!file.Extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) || ConversationFileConventions.IsTemporaryName(file.Name))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                yield return Index(paths, file);
            }
        }
    }

    private static IndexedConversationFile Index(ConversationPaths paths, FileInfo file)
    {
        var relativePath = paths.RelativePathOf(file.FullName);
        var hints = ConversationPathHints.Parse(relativePath);
        var result = ConversationTreeWalker.IsLink(file)
            ? ConversationFileConventions.Unreadable("The file is a symbolic link; links are not followed, so it was not read.")
            : ConversationFileConventions.ParseFile(file.FullName, relativePath);

        long length = 0;
        var lastWrite = DateTime.MinValue;
        try
        {
            file.Refresh();
            if (file.Exists)
            {
                length = file.Length;
                lastWrite = file.LastWriteTimeUtc;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The size and time are informational; the parse result already says whether the file could be read.
        }

        return new IndexedConversationFile(relativePath, file.FullName, length, lastWrite, result.Kind, result,
            hints.ListingName, hints.ListingId, hints.GuestName, hints.Date, hints.ConversationId);
    }
}
