using System.Globalization;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Diagnostics;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Builds the search index of a database whose messages were stored without it: one upgraded from schema version 2
/// (migration 0003 leaves a marker in sync_state when there were messages), or one a copy filled (the copy leaves the
/// same marker: the index holds terms, not text, so it is built again from the files). This reads the messages' text
/// back from the conversation files, a batch of files per transaction with the last file done as checkpoint (so an
/// interrupted build resumes), their messages found in one query and indexed in a few statements, and removes the marker in
/// the transaction of the last batch.
/// A message whose file is missing or unreadable is skipped with a warning and gets a null body_hash, which
/// makes the next sync that stores it index it.
/// </summary>
internal static class MessageSearchBuild
{
    private const int FilesPerTransaction = 200;
    private const int FileWarnings = 10;

    /// <summary>
    /// Builds the index of <paramref name="store"/> if its marker asks for it; returns the messages indexed, or null when
    /// there was nothing to build or the conversations folder does not exist (the marker then stays for a later run).
    /// </summary>
    /// <param name="store">The store, its writer lock held.</param>
    /// <param name="conversationsPath">The conversation files root.</param>
    /// <param name="log">Where to say what happens.</param>
    /// <param name="now">The store time written with the checkpoints.</param>
    /// <param name="report">Progress: messages done, messages in all, whether the build is complete.</param>
    /// <param name="cancellationToken">Stops between batches; what was committed stays.</param>
    public static long? Run(ISyncStore store, string conversationsPath, ISyncLog log, Func<string> now, Action<long, long, bool>? report, CancellationToken cancellationToken)
    {
        var state = store.ReadState(MessageSearchIndex.BackfillResource);
        if (state is null)
        {
            return null;
        }

        if (!Directory.Exists(conversationsPath))
        {
            // Most likely the wrong folder: better to build the index later than to give up on every message now.
            Write(log, SyncLogLevel.Warning, $"The message search index is not built yet, and the conversations folder '{conversationsPath}' does not exist; a sync with the right folder builds it.");
            return null;
        }

        var after = state.Checkpoint ?? string.Empty;
        var files = store.SearchBackfillFiles(after);
        var total = store.SearchBackfillMessages(after);
        Write(log, SyncLogLevel.Information, string.Create(CultureInfo.InvariantCulture, $"Building the message search index: {total} messages in {files.Count} conversation files."));
        var paths = new ConversationPaths(conversationsPath);
        long indexed = 0, done = 0;
        var unreadable = 0;
        for (var start = 0; start == 0 || start < files.Count; start += FilesPerTransaction)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = files.Skip(start).Take(FilesPerTransaction).ToList();
            var last = start + FilesPerTransaction >= files.Count;
            using (var work = store.Begin())
            {
                // The batch's files in one query and their texts in as few statements as the store can: a round trip per
                // message made most of a PostgreSQL build.
                var stored = work.MessagesInFiles(batch);
                var texts = new List<(long Id, string Text)>();
                foreach (var file in batch)
                {
                    var rows = stored[file].ToList();
                    var messages = MessageTextReader.Read(paths, file, out var problem);
                    var missing = new List<long>();
                    foreach (var row in rows)
                    {
                        if (messages is not null && MessageTextReader.TextOf(messages, row.Id, row.Position) is { } text)
                        {
                            texts.Add((row.Id, text));
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
                            Write(log, SyncLogLevel.Warning, string.Create(CultureInfo.InvariantCulture, $"{missing.Count} messages of '{file}' are not searchable yet ({problem ?? "the file no longer has them"}); the next sync that stores them indexes them."));
                        }
                    }

                    done += rows.Count;
                }

                work.IndexMessageTexts(texts);
                indexed += texts.Count;
                if (last)
                {
                    work.FinishSearchBackfill();
                }
                else
                {
                    work.SaveCheckpoint(MessageSearchIndex.BackfillResource, batch[^1], now());
                }

                work.Commit();
            }

            report?.Invoke(done, total, false);
        }

        if (unreadable > FileWarnings)
        {
            Write(log, SyncLogLevel.Warning, string.Create(CultureInfo.InvariantCulture, $"... and {unreadable - FileWarnings} more conversation files whose messages are not searchable yet."));
        }

        report?.Invoke(done, total, true);
        Write(log, SyncLogLevel.Information, string.Create(CultureInfo.InvariantCulture, $"Built the message search index: {indexed} of {total} messages indexed."));
        return indexed;
    }

    private static void Write(ISyncLog log, SyncLogLevel level, string message)
    {
        if (log.IsEnabled(level))
        {
            log.Write(level, message);
        }
    }
}
