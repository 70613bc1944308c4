using System.Globalization;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Builds the search index of a database upgraded from schema version 2, whose messages were stored before the
/// index existed. Migration 0003 leaves a marker in sync_state when there were messages; this reads their text
/// back from the conversation files, a batch of files per transaction with the last file done as checkpoint
/// (so an interrupted build resumes), and removes the marker in the transaction of the last batch.
/// A message whose file is missing or unreadable is skipped with a warning and gets a null body_hash, which
/// makes the next sync that stores it index it.
/// </summary>
internal static class MessageSearchBackfill
{
    private const int FilesPerTransaction = 200;
    private const int FileWarnings = 10;

    public static void Run(SyncContext context)
    {
        var state = context.Store.ReadState(MessageSearchIndex.BackfillResource);
        if (state is null)
        {
            return;
        }

        if (!Directory.Exists(context.Options.ConversationsPath))
        {
            // Most likely the wrong folder: better to build the index later than to give up on every message now.
            context.Warn($"The message search index is not built yet, and the conversations folder '{context.Options.ConversationsPath}' does not exist; a sync with the right folder builds it.");
            return;
        }

        var after = state.Checkpoint ?? string.Empty;
        var files = context.Store.SearchBackfillFiles(after);
        var total = context.Store.SearchBackfillMessages(after);
        context.Info(string.Create(CultureInfo.InvariantCulture, $"Building the message search index: {total} messages in {files.Count} conversation files."));
        var paths = new ConversationPaths(context.Options.ConversationsPath);
        long indexed = 0, done = 0;
        var unreadable = 0;
        for (var start = 0; start == 0 || start < files.Count; start += FilesPerTransaction)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var batch = files.Skip(start).Take(FilesPerTransaction).ToList();
            var last = start + FilesPerTransaction >= files.Count;
            context.InTransaction(work =>
            {
                foreach (var file in batch)
                {
                    var rows = work.MessagesInFile(file);
                    var messages = ConversationTexts.Read(paths, file, out var problem);
                    var missing = new List<long>();
                    foreach (var row in rows)
                    {
                        if (messages is not null && ConversationTexts.TextOf(messages, row.Id, row.Position) is { } text)
                        {
                            work.IndexMessageText(row.Id, text);
                            indexed++;
                        }
                        else
                        {
                            missing.Add(row.Id);
                        }
                    }

                    if (missing.Count > 0)
                    {
                        work.MarkUnindexed(missing);
                        if (++unreadable <= FileWarnings)
                        {
                            context.Warn(string.Create(CultureInfo.InvariantCulture, $"{missing.Count} messages of '{file}' are not searchable yet ({problem ?? "the file no longer has them"}); the next sync that stores them indexes them."));
                        }
                    }

                    done += rows.Count;
                }

                if (last)
                {
                    work.FinishSearchBackfill();
                }
                else
                {
                    work.SaveCheckpoint(MessageSearchIndex.BackfillResource, batch[^1], context.Now);
                }
            });
            context.Report(SyncResources.Conversations, "Building the message search index", done, total);
        }

        if (unreadable > FileWarnings)
        {
            context.Warn(string.Create(CultureInfo.InvariantCulture, $"... and {unreadable - FileWarnings} more conversation files whose messages are not searchable yet."));
        }

        context.Report(SyncResources.Conversations, "Message search index built", done, total, completed: true);
        context.Info(string.Create(CultureInfo.InvariantCulture, $"Built the message search index: {indexed} of {total} messages indexed."));
    }
}
