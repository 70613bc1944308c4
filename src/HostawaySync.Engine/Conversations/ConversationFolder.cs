using System.Globalization;

using HostawaySync.Engine.Security;

namespace HostawaySync.Engine.Conversations;

/// <summary>
/// Reads and writes conversation files under one root folder. A write goes to a hidden temporary file in the
/// target's folder, is flushed to disk, then renamed over the target, so the file is always either the old
/// version or the new one. Thread-safe: concurrent writes to different files (even in one folder) are fine.
/// </summary>
public sealed class ConversationFolder
{
    /// <summary>Temporary files younger than this may belong to a write in progress (another thread or process), so they are left alone.</summary>
    public static readonly TimeSpan StaleTemporaryFileAge = TimeSpan.FromMinutes(15);

    /// <summary>Creates a store for a root folder (created on the first write).</summary>
    /// <exception cref="Errors.HostawayException">The root is not a valid path.</exception>
    public ConversationFolder(string root)
        : this(new ConversationPaths(root))
    {
    }

    /// <summary>Creates a store over existing paths.</summary>
    public ConversationFolder(ConversationPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Paths = paths;
    }

    /// <summary>The root and the path rules.</summary>
    public ConversationPaths Paths { get; }

    /// <summary>Test seam: runs after the temporary file is complete and before it replaces the target.</summary>
    internal Func<string, CancellationToken, Task>? BeforeReplace { get; init; }

    /// <summary>
    /// Writes a conversation file atomically (see <see cref="ConversationFileFormat.Write"/> for the order of
    /// messages), creating folders as needed, and removes stale temporary files left in that folder by crashes.
    /// </summary>
    /// <exception cref="Errors.HostawayException">
    /// The path leaves the root (<see cref="Errors.ErrorIds.ConversationPathOutsideRoot"/>) or the file cannot be
    /// written (<see cref="Errors.ErrorIds.ConversationFileWriteFailed"/>; the previous file is left as it was).
    /// </exception>
    public async Task<ConversationFileWriteResult> WriteAsync(string relativePath, ConversationFileHeader header, IReadOnlyList<ConversationFileMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(messages);
        var fullPath = Paths.FullPath(relativePath);
        var canonical = Paths.RelativePathOf(fullPath);

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var positions = ConversationFileFormat.Write(text, header, messages);
        var bytes = ConversationFileConventions.Utf8.GetBytes(text.ToString());

        await ReplaceAsync(fullPath, bytes, cancellationToken).ConfigureAwait(false);
        return new ConversationFileWriteResult(canonical, fullPath, bytes.Length, positions, Sha256Of(bytes));
    }

    /// <summary>
    /// Marks the file of a conversation Hostaway no longer has with a <c># Deleted: {time}</c> line at the end of its header,
    /// or removes that line (<paramref name="deletedAt"/> null); every other byte stays as it is. The file is replaced
    /// atomically, as <see cref="WriteAsync"/> writes it. Returns whether the file changed: false when it already says so,
    /// is missing, or is not a HostawaySync conversation file (a chat log of an earlier tool is left alone).
    /// </summary>
    /// <exception cref="Errors.HostawayException">
    /// The path leaves the root (<see cref="Errors.ErrorIds.ConversationPathOutsideRoot"/>) or the file cannot be
    /// written (<see cref="Errors.ErrorIds.ConversationFileWriteFailed"/>; the previous file is left as it was).
    /// </exception>
    public async Task<bool> MarkDeletedAsync(string relativePath, DateTime? deletedAt, CancellationToken cancellationToken = default)
    {
        var fullPath = Paths.FullPath(relativePath);
        string text;
        try
        {
            if (!File.Exists(fullPath) || new FileInfo(fullPath).Length > ConversationFileConventions.MaxFileBytes)
            {
                return false;
            }

            // Most runs find the marks as they left them: the header alone tells, without reading the messages.
            if (await HeaderSaysAsync(fullPath, deletedAt, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            text = await File.ReadAllTextAsync(fullPath, ConversationFileConventions.Utf8, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ConversationErrors.WriteFailed(fullPath, Paths.Root, ex);
        }

        var marked = ConversationFileFormat.WithDeletedLine(text, deletedAt);
        if (marked is null || string.Equals(marked, text, StringComparison.Ordinal))
        {
            return false;
        }

        await ReplaceAsync(fullPath, ConversationFileConventions.Utf8.GetBytes(marked), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>SHA-256 of a file's bytes, as a conversation's file stamp records it (upper-case hex).</summary>
    public static string Sha256Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>Whether the file's header already has exactly the deleted line <paramref name="deletedAt"/> asks for (or none, for null).</summary>
    private static async Task<bool> HeaderSaysAsync(string fullPath, DateTime? deletedAt, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(fullPath, ConversationFileConventions.Utf8, detectEncodingFromByteOrderMarks: true);
        var wanted = deletedAt is null ? null : ConversationFormatWriter.DeletedLine(deletedAt);
        string? found = null;
        var lines = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } line)
        {
            if (++lines == 1 && !line.StartsWith(FormatText.FormatLinePrefix, StringComparison.Ordinal))
            {
                return true; // not a HostawaySync file: nothing to mark
            }

            if (line.StartsWith("# " + FormatText.DeletedKey + ":", StringComparison.OrdinalIgnoreCase))
            {
                found = found is null ? line : string.Empty; // a second deleted line is one too many
            }
        }

        return string.Equals(found, wanted, StringComparison.Ordinal);
    }

    /// <summary>Replaces (or creates) a file atomically: a temporary file in the same folder, flushed, then renamed over it.</summary>
    private async Task ReplaceAsync(string fullPath, byte[] bytes, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        string? temporary = null;
        try
        {
            OwnerOnlyFiles.CreateFolder(folder);
            ConversationFileConventions.DeleteTemporaryFiles(folder, DateTime.UtcNow - StaleTemporaryFileAge);

            // Hidden by its leading dot only: a Hidden attribute would survive the rename on Windows and hide the conversation file.
            temporary = Path.Combine(folder, ConversationFileConventions.NewTemporaryName());
            var created = OwnerOnlyFiles.NewFileOptions(FileMode.CreateNew, FileOptions.Asynchronous);
            created.PreallocationSize = bytes.Length;
            var stream = new FileStream(temporary, created);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            if (BeforeReplace is not null)
            {
                await BeforeReplace(temporary, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            OwnerOnlyFiles.KeepModeOf(fullPath, temporary);
            File.Move(temporary, fullPath, overwrite: true);
            temporary = null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ConversationErrors.WriteFailed(fullPath, Paths.Root, ex);
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }

    }

    /// <summary>Reads and parses a conversation file; null when it does not exist. Problems reading it are reported as parse problems.</summary>
    /// <exception cref="Errors.HostawayException">The path leaves the root (<see cref="Errors.ErrorIds.ConversationPathOutsideRoot"/>).</exception>
    public async Task<ConversationParseResult?> ReadAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        var fullPath = Paths.FullPath(relativePath);
        string text;
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > ConversationFileConventions.MaxFileBytes)
            {
                return ConversationFileConventions.Unreadable($"The file is {info.Length} bytes, more than the {ConversationFileConventions.MaxFileBytes} bytes a conversation file may have; it was not read.");
            }

            using var reader = new StreamReader(fullPath, ConversationFileConventions.Utf8, detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, Options = FileOptions.Asynchronous | FileOptions.SequentialScan });
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ConversationFileConventions.Unreadable($"The file could not be read: {ex.Message}");
        }

        using var textReader = new StringReader(text);
        return ConversationFileFormat.Parse(textReader, Paths.RelativePathOf(fullPath));
    }

    /// <summary>
    /// Deletes temporary files that crashed writes left anywhere under the root. Files younger than
    /// <paramref name="minimumAge"/> (default <see cref="StaleTemporaryFileAge"/>) are kept, as they may belong to a
    /// write in progress. Symbolic links are not followed. Returns how many files were deleted.
    /// </summary>
    public int CleanUpTemporaryFiles(TimeSpan? minimumAge = null)
    {
        var cutoff = DateTime.UtcNow - (minimumAge ?? StaleTemporaryFileAge);
        var deleted = 0;
        foreach (var folder in ConversationTreeWalker.Folders(Paths.Root, CancellationToken.None))
        {
            deleted += ConversationFileConventions.DeleteTemporaryFiles(folder, cutoff);
        }

        return deleted;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next write's clean-up; readers ignore temporary files.
        }
    }
}
