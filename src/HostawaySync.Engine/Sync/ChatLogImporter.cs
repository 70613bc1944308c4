using System.Globalization;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Indexes conversation files in the root that no synced conversation owns (files from earlier tools, or
/// hand-made ones) into messages_metadata, linked to the listing, reservation and conversation they can be
/// matched to: by the ids in a HostawaySync header, else by the folder (listing name or "(id)") and the file
/// name (guest name and arrival date). Such messages have no API id, so they get stable negative ids.
/// Unchanged files (same size and time) are skipped; files that disappeared take their rows with them. The search
/// index follows in the same transactions: a re-indexed file's messages replace its old ones there too.
/// </summary>
internal static class ChatLogImporter
{
    public static (int Files, int Messages) Run(SyncContext context)
    {
        if (!Directory.Exists(context.Options.ConversationsPath))
        {
            return (0, 0);
        }

        var owned = new HashSet<string>(context.Store.ConversationFilePaths(), ConversationPaths.PathComparer);
        var known = context.Store.IndexedLegacyFiles().ToDictionary(r => r.Path, r => (r.Length, r.LastWrite), ConversationPaths.PathComparer);
        var present = new HashSet<string>(ConversationPaths.PathComparer);
        int files = 0, messages = 0;
        foreach (var file in ConversationFileIndexer.Scan(context.Options.ConversationsPath, context.CancellationToken))
        {
            if (owned.Contains(file.RelativePath))
            {
                continue;
            }

            present.Add(file.RelativePath);
            var lastWrite = StoreClock.Format(file.LastWriteTimeUtc);
            if (known.TryGetValue(file.RelativePath, out var seen) && seen.Length == file.Length && seen.LastWrite == lastWrite)
            {
                continue;
            }

            context.InTransaction(work => messages += work.IndexLegacyFile(file, lastWrite, context.Now));
            files++;
        }

        var vanished = known.Keys.Where(path => !present.Contains(path)).ToList();
        if (vanished.Count > 0)
        {
            context.InTransaction(work => work.ForgetLegacyFiles(vanished));
        }

        if (files > 0)
        {
            context.Info(string.Create(CultureInfo.InvariantCulture, $"Indexed {messages} messages from {files} conversation files that earlier tools left in the conversations folder."));
        }

        return (files, messages);
    }
}
