using Dapper;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Search;

/// <summary>Every sync keeps the search index current: new, changed and removed messages, files of earlier tools, and databases upgraded from version 2.</summary>
public sealed class MessageSearchSyncTests
{
    [Fact]
    public async Task An_incremental_sync_indexes_new_messages_and_replaces_or_removes_changed_ones()
    {
        await using var harness = await SyncHarness.StartAsync(42, DatasetOptions.Small);
        await harness.RunAsync(SyncMode.Full);
        var before = SearchTestData.Messages(harness.Simulator.GetGroundTruth());
        var frequency = SearchTestData.Frequency(before);
        var edited = before.First(m => SearchTestData.Words(m.Body).Any());
        const long GoneId = 9_000_000_000_001;

        // The store as it would be had the API changed this message's text and dropped another message since the last sync:
        // its stored hash and index entry are those of an older text, and the dropped message is still stored and indexed.
        using (var db = OpenWritable(harness))
        {
            db.Execute("UPDATE messages_metadata SET body_hash = 'older', content_hash = 'older' WHERE message_id = @Id;", new { edited.Id });
            db.Execute("INSERT OR REPLACE INTO message_search (rowid, body) VALUES (@Id, 'the older text said quokkaberry');", new { edited.Id });
            db.Execute(
                """
                INSERT INTO messages_metadata (message_id, conversation_id, direction, body_length, body_hash, file_path, file_position, content_hash, first_seen_at, updated_at)
                SELECT @Gone, conversation_id, 'guest', 18, 'h', file_path, 999, 'h', 'now', 'now' FROM messages_metadata WHERE message_id = @Id;
                INSERT INTO message_search (rowid, body) VALUES (@Gone, 'a wombatique message');
                UPDATE reservations SET conversations_synced_activity = NULL
                WHERE reservation_id = (SELECT c.reservation_id FROM conversations c JOIN messages_metadata m ON m.conversation_id = c.conversation_id WHERE m.message_id = @Id);
                """, new { Gone = GoneId, edited.Id });
        }

        Assert.Equal([edited.Id], Search(harness, "quokkaberry"));
        Assert.Equal([GoneId], Search(harness, "wombatique"));
        var report = harness.Simulator.Mutate(new MutationRequest { NewMessages = 12, Seed = 3 });

        var result = await harness.RunAsync(SyncMode.Incremental);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        harness.AssertEqualsGroundTruth(deletionsReconciled: false);
        Assert.Empty(Search(harness, "quokkaberry"));
        Assert.Empty(Search(harness, "wombatique"));
        Assert.Contains(edited.Id, Search(harness, SearchTestData.RarestWord(edited, frequency)!));

        var after = SearchTestData.Messages(harness.Simulator.GetGroundTruth());
        var added = after.Where(m => report.NewMessageIds.Contains(m.Id) && SearchTestData.Words(m.Body).Any()).ToList();
        Assert.NotEmpty(added);
        var newFrequency = SearchTestData.Frequency(after);
        Assert.All(added, m => Assert.Contains(m.Id, Search(harness, SearchTestData.RarestWord(m, newFrequency)!)));
    }

    [Fact]
    public async Task A_repeated_sync_leaves_the_index_untouched()
    {
        await using var harness = await SyncHarness.StartAsync(46, DatasetOptions.Small);
        await harness.RunAsync(SyncMode.Full);
        var before = IndexFingerprint(harness);

        await harness.RunAsync(SyncMode.Full);
        await harness.RunAsync(SyncMode.Incremental);

        Assert.Equal(before, IndexFingerprint(harness));
        using var db = harness.Open();
        SyncHarness.AssertSearchIndexComplete(db);
    }

    [Fact]
    public async Task Messages_of_files_left_by_earlier_tools_are_searchable_ranked_and_follow_their_files()
    {
        await using var harness = await SyncHarness.StartAsync(43, DatasetOptions.Tiny);
        var folder = Path.Combine(harness.ConversationsPath, "Old Tool");
        Directory.CreateDirectory(folder);
        var once = Path.Combine(folder, "Ann Lee_2025-01-02_conversation.txt");
        var often = Path.Combine(folder, "Bob Ray_2025-02-03_conversation.txt");
        File.WriteAllText(once, "[2025-01-02 10:00] Ann Lee: Is the zanzibar ferry running on the first morning of our stay there?\n");
        File.WriteAllText(often, "[2025-02-03 09:00] Bob Ray: Zanzibar, zanzibar: the zanzibar ferry to zanzibar left before we came.\n");

        await harness.RunAsync(SyncMode.Full);

        harness.AssertEqualsGroundTruth();
        var hits = StoreReader.SearchMessages(harness.DatabasePath, new MessageSearchFilter("zanzibar"), harness.ConversationsPath).ToList();
        Assert.Equal(["Old Tool/Bob Ray_2025-02-03_conversation.txt", "Old Tool/Ann Lee_2025-01-02_conversation.txt"], hits.Select(h => h.FilePath));
        Assert.All(hits, h => Assert.True(h.MessageId < 0));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Equal("Is the [zanzibar] ferry running on the first morning of our stay…", hits[1].Snippet);
        Assert.Equal([hits[1].MessageId], Search(harness, "\"ferry running\""));

        File.WriteAllText(once, "[2025-01-02 10:00] Ann Lee: Can we climb kilimanjaro from there?\n");
        await harness.RunAsync(SyncMode.Incremental);

        harness.AssertEqualsGroundTruth(deletionsReconciled: false);
        Assert.Equal([hits[0].MessageId], Search(harness, "zanzibar"));
        Assert.Single(Search(harness, "kilimanjaro"));

        // Until the next sync, a message whose file is gone is still found, without a snippet.
        File.Delete(often);
        var orphan = Assert.Single(StoreReader.SearchMessages(harness.DatabasePath, new MessageSearchFilter("zanzibar"), harness.ConversationsPath));
        Assert.Equal(hits[0].MessageId, orphan.MessageId);
        Assert.Null(orphan.Snippet);
        await harness.RunAsync(SyncMode.Incremental);

        harness.AssertEqualsGroundTruth(deletionsReconciled: false);
        Assert.Empty(Search(harness, "zanzibar"));
    }

    [Fact]
    public async Task A_database_upgraded_from_version_2_is_indexed_from_its_files_by_the_next_sync()
    {
        await using var harness = await SyncHarness.StartAsync(44, DatasetOptions.Small);
        await harness.RunAsync(SyncMode.Full);
        var messages = SearchTestData.Messages(harness.Simulator.GetGroundTruth());
        var frequency = SearchTestData.Frequency(messages);
        var sample = messages.Where(m => SearchTestData.Words(m.Body).Any()).Where((_, i) => i % 40 == 0).ToList();
        MakeVersion2(harness.DatabasePath);
        Assert.Equal(MessageSearchIndexState.Missing, StoreReader.SearchIndexState(harness.DatabasePath));
        Assert.Empty(StoreReader.SearchMessages(harness.DatabasePath, new MessageSearchFilter("the")));

        // One conversation file is lost meanwhile: its messages cannot be indexed until a sync writes it again.
        string lost;
        long lostMessages;
        using (var db = harness.Open())
        {
            (lost, lostMessages) = db.QueryFirst<(string, long)>("SELECT file_path, count(*) FROM messages_metadata GROUP BY file_path ORDER BY count(*) DESC, file_path LIMIT 1;");
        }

        File.Delete(Path.Combine(harness.ConversationsPath, lost));
        var upgraded = DatabaseInitializer.Initialize(harness.DatabasePath);
        Assert.Equal(DatabaseAction.Upgraded, upgraded.Action);
        Assert.Equal(2, upgraded.PreviousSchemaVersion);
        Assert.Equal(MessageSearchIndexState.Pending, StoreReader.SearchIndexState(harness.DatabasePath));
        Assert.Empty(StoreReader.SearchMessages(harness.DatabasePath, new MessageSearchFilter(SearchTestData.RarestWord(sample[0], frequency)!)));

        var log = new ListLog();
        var result = await SyncRunner.RunAsync(harness.Options(SyncMode.Incremental), log);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Assert.Equal(MessageSearchIndexState.Complete, StoreReader.SearchIndexState(harness.DatabasePath));
        Assert.Contains(log.Entries, e => e.Level == SyncLogLevel.Warning && e.Message.Contains(lost, StringComparison.Ordinal));
        using (var db = harness.Open())
        {
            Assert.Equal(db.ExecuteScalar<long>("SELECT count(*) FROM messages_metadata;") - lostMessages, db.ExecuteScalar<long>("SELECT count(*) FROM message_search;"));
            Assert.Equal(lostMessages, db.ExecuteScalar<long>("SELECT count(*) FROM messages_metadata WHERE body_hash IS NULL;"));
        }

        // A full sync writes the lost file again, and its messages join the index.
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        harness.AssertEqualsGroundTruth();
        Assert.All(sample, m => Assert.Contains(m.Id, Search(harness, SearchTestData.RarestWord(m, frequency)!)));
        using (var db = harness.Open())
        {
            Assert.Equal(0, db.ExecuteScalar<long>("SELECT count(*) FROM messages_metadata WHERE body_hash IS NULL;"));
        }
    }

    [Fact]
    public async Task An_interrupted_index_build_resumes_after_the_last_file_it_finished()
    {
        await using var harness = await SyncHarness.StartAsync(45, DatasetOptions.Small);
        await harness.RunAsync(SyncMode.Full);
        MakeVersion2(harness.DatabasePath);
        DatabaseInitializer.Initialize(harness.DatabasePath);
        string checkpoint;
        using (var db = OpenWritable(harness))
        {
            // As a build stopped after its first batch would leave it: the files up to the checkpoint indexed.
            var files = db.Query<string>("SELECT DISTINCT file_path FROM messages_metadata ORDER BY file_path;").AsList();
            checkpoint = files[files.Count / 2];
            db.Execute("UPDATE sync_state SET checkpoint = @Checkpoint WHERE resource = 'message_search_backfill';", new { Checkpoint = checkpoint });
        }

        await harness.RunAsync(SyncMode.Incremental);

        using var check = harness.Open();
        Assert.Equal(MessageSearchIndexState.Complete, StoreReader.SearchIndexState(harness.DatabasePath));
        Assert.Equal(0, check.ExecuteScalar<long>(
            "SELECT count(*) FROM messages_metadata m WHERE m.file_path > @Checkpoint AND NOT EXISTS (SELECT 1 FROM message_search s WHERE s.rowid = m.message_id);", new { Checkpoint = checkpoint }));
        Assert.Equal(check.ExecuteScalar<long>("SELECT count(*) FROM messages_metadata WHERE file_path > @Checkpoint;", new { Checkpoint = checkpoint }), check.ExecuteScalar<long>("SELECT count(*) FROM message_search;"));
    }

    private static List<long> Search(SyncHarness harness, string query) =>
        StoreReader.SearchMessages(harness.DatabasePath, new MessageSearchFilter(query)).Select(r => r.MessageId).ToList();

    /// <summary>Every stored block of the index: any write to it (even replacing a text by itself) changes some.</summary>
    private static string IndexFingerprint(SyncHarness harness)
    {
        using var db = harness.Open();
        return string.Join(',', db.Query<string>("SELECT id || ':' || hex(block) FROM message_search_data ORDER BY id;"));
    }

    private static SqliteConnection OpenWritable(SyncHarness harness)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = harness.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Turns a current database back into what schema version 2 had, data included: version 3 only added the index
    /// (and the build marker), version 5 the conversations' reconcile columns, version 6 the reviews, version 7 the sync
    /// log's pace columns. Checked against a database that the version 2 migrations create.
    /// </summary>
    private static void MakeVersion2(string path)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            connection.Execute(
                """
                DROP TABLE message_search;
                DROP TABLE review_search;
                DROP TABLE review_categories;
                DROP TABLE reviews;
                DELETE FROM sync_state WHERE resource = 'reviews';
                DELETE FROM sync_logs WHERE resource = 'Reviews';
                ALTER TABLE conversations DROP COLUMN list_mark;
                ALTER TABLE conversations DROP COLUMN messages_mark;
                ALTER TABLE conversations DROP COLUMN file_sha256;
                ALTER TABLE conversations DROP COLUMN file_bytes;
                ALTER TABLE conversations DROP COLUMN header_mark;
                ALTER TABLE sync_logs DROP COLUMN requests_per_10s;
                ALTER TABLE sync_logs DROP COLUMN rate_limit_source;
                DELETE FROM sync_state WHERE resource = 'message_search_backfill';
                DELETE FROM schema_migrations WHERE version > 2;
                PRAGMA user_version = 2;
                """);
        }

        var reference = Path.Combine(Path.GetDirectoryName(path)!, "reference-v2.db");
        DatabaseInitializer.Initialize(reference, null, targetVersion: 2);
        Assert.Equal(Schema(reference), Schema(path));
        File.Delete(reference);

        static List<string> Schema(string database)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            connection.Open();
            return connection.Query<string>("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name;").AsList();
        }
    }

    private sealed class ListLog : ISyncLog
    {
        private readonly object _gate = new();

        public List<(SyncLogLevel Level, string Message)> Entries { get; } = [];

        public bool IsEnabled(SyncLogLevel level) => true;

        public void Write(SyncLogLevel level, string message)
        {
            lock (_gate)
            {
                Entries.Add((level, message));
            }
        }
    }
}
