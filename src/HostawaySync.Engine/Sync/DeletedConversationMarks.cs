using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Keeps the conversation files in step with what the store counts as deleted: the file of a conversation that Hostaway
/// no longer has (or whose reservation it no longer has) stays where it is, with a <c># Deleted: {time}</c> line at the
/// end of its header; when the conversation comes back, the line goes. The files stay in place so the database's file
/// paths, the names other conversations may claim and the links users keep all stay valid.
/// </summary>
/// <remarks>
/// Run after each sync's passes, under the writer lock, from the store's state: a mark a crash left undone is made by the
/// next run. The files this marked are listed in a hidden file at the conversations root, written (atomically) before
/// any file is marked and pruned only after the marks are gone, so a mark is never forgotten: after kill -9 at any point
/// every marked file is still listed, and the next run removes the marks of conversations that came back. Each file is
/// replaced atomically, so none is ever lost or half written.
/// </remarks>
internal static class DeletedConversationMarks
{
    /// <summary>The list of marked files, relative paths one a line (hidden: the tree walker and the chat-log import skip it).</summary>
    public const string ListFileName = ".hostawaysync-deleted-conversations";

    /// <summary>Marks and unmarks the files; returns how many changed. A file that cannot be changed is a warning and stays listed.</summary>
    public static async Task<int> UpdateAsync(SyncContext context)
    {
        var files = new ConversationFolder(context.Options.ConversationsPath);
        if (!Directory.Exists(files.Paths.Root))
        {
            return 0;
        }

        var deleted = new SortedDictionary<string, DateTime?>(StringComparer.Ordinal);
        foreach (var (path, deletedAt) in context.Store.DeletedConversationFiles())
        {
            deleted[path] = StoreClock.Parse(deletedAt);
        }

        var listPath = Path.Combine(files.Paths.Root, ListFileName);
        var listed = ReadList(listPath);
        var keep = Ordinal(deleted.Keys);
        var marking = Ordinal(listed.Union(keep));
        WriteListIfChanged(listPath, listed, marking);

        var changed = 0;
        foreach (var path in marking)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var deletedAt = deleted.GetValueOrDefault(path);
            try
            {
                changed += await files.MarkDeletedAsync(path, deletedAt, context.CancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
            catch (HostawayException exception)
            {
                context.Warn($"The conversation file '{path}' could not be {(deletedAt is null ? "unmarked" : "marked deleted")}: {exception.Message}");
                keep.Add(path);
            }
        }

        WriteListIfChanged(listPath, marking, keep);
        return changed;
    }

    private static SortedSet<string> Ordinal(IEnumerable<string> paths) => new(paths, StringComparer.Ordinal);

    private static SortedSet<string> ReadList(string path) =>
        Ordinal(File.Exists(path) ? File.ReadAllLines(path, ConversationFileConventions.Utf8).Where(line => line.Length > 0) : []);

    private static void WriteListIfChanged(string path, SortedSet<string> before, SortedSet<string> after)
    {
        if (before.SetEquals(after))
        {
            return;
        }

        OwnerOnlyFiles.WriteAllBytes(path, ConversationFileConventions.Utf8.GetBytes(string.Concat(after.Select(p => p + "\n"))));
    }
}
