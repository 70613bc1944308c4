using System.Globalization;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// A reconcile's look at every live conversation after the listing, without asking the API: which conversations' messages
/// must be fetched (never stored; list entry changed since their messages were stored; stored by a version that kept no
/// file stamp; file missing, or not the bytes HostawaySync wrote: truncated, edited, replaced), and which files only need
/// their header written again because its facts changed (done here, from the file's own messages).
/// </summary>
internal sealed class ConversationFileCheck
{
    private ConversationFileCheck()
    {
    }

    /// <summary>Conversations whose messages must be fetched, by id.</summary>
    public List<long> Due { get; } = [];

    /// <summary>Conversations never stored.</summary>
    public int New { get; private set; }

    /// <summary>Conversations whose list entry changed since their messages were stored.</summary>
    public int Changed { get; private set; }

    /// <summary>Conversations stored without a file stamp (by an earlier version).</summary>
    public int Unstamped { get; private set; }

    /// <summary>Files missing.</summary>
    public int Missing { get; private set; }

    /// <summary>Files whose bytes are not those written.</summary>
    public int Differing { get; private set; }

    /// <summary>Files whose header was written again.</summary>
    public int HeadersRewritten { get; private set; }

    /// <summary>How many live conversations were checked.</summary>
    public int Checked { get; private set; }

    /// <summary>Checks every live conversation; rewrites the headers that need it.</summary>
    public static async Task<ConversationFileCheck> RunAsync(SyncContext context, ConversationSaver files)
    {
        var check = new ConversationFileCheck();
        var paths = new ConversationPaths(context.Options.ConversationsPath);
        foreach (var row in context.Store.ReconcileCandidates())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            check.Checked++;
            if (row.FilePath is null)
            {
                check.New++;
            }
            else if (row.MessagesChanged)
            {
                check.Changed++;
            }
            else if (row.FileSha256 is null || row.FileBytes is null || row.HeaderMark is null)
            {
                check.Unstamped++;
            }
            else if (await ReadIfWrittenAsync(paths.FullPath(row.FilePath), row, check, context.CancellationToken).ConfigureAwait(false) is not { } bytes)
            {
                // counted as missing or differing
            }
            else if (ConversationSaver.HeaderMark(ConversationSaver.HeaderOf(row)) == row.HeaderMark)
            {
                continue;
            }
            else if (await files.RewriteHeaderAsync(row, bytes).ConfigureAwait(false))
            {
                check.HeadersRewritten++;
                continue;
            }
            else
            {
                check.Differing++;
            }

            check.Due.Add(row.ConversationId);
        }

        return check;
    }

    /// <summary>What the check found, for the log.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"Checked {Checked} conversations: fetching the messages of {Due.Count} ({New} new, {Changed} changed, {Unstamped} stored by an earlier version, {Missing} files missing, {Differing} files not as written); {HeadersRewritten} file headers written again.");

    /// <summary>The file's bytes when they are exactly those written (size first, then SHA-256); null, counted, when not.</summary>
    private static async Task<byte[]?> ReadIfWrittenAsync(string fullPath, ConversationFileFacts row, ConversationFileCheck check, CancellationToken cancellationToken)
    {
        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            check.Missing++;
            return null;
        }

        if (info.Length != row.FileBytes)
        {
            check.Differing++;
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            check.Missing++;
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Unreadable here: written again from the API, which reports a file that cannot be written with its own error.
            check.Differing++;
            return null;
        }

        if (!string.Equals(ConversationFolder.Sha256Of(bytes), row.FileSha256, StringComparison.OrdinalIgnoreCase))
        {
            check.Differing++;
            return null;
        }

        return bytes;
    }
}
