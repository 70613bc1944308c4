using Dapper;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>
/// A reconcile lists every listing, reservation and conversation, and fetches messages only for the conversations that
/// changed or whose file is not what was written; afterwards the database and the files are what a full sync leaves.
/// </summary>
public sealed class ReconcileTests
{
    private const string MessagesEndpoint = "GET /v1/conversations/{id}/messages";

    [Fact]
    public async Task A_reconcile_after_every_kind_of_change_leaves_what_a_full_sync_leaves_for_a_fraction_of_its_requests()
    {
        await using var harness = await SyncHarness.StartAsync(71, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var fullRequests = DataRequests(harness);
        harness.Simulator.AdvanceClock(TimeSpan.FromHours(5));
        var report = harness.Simulator.Mutate(new MutationRequest
        {
            UpdatedReservations = 12,
            NewReservations = 6,
            CancelledReservations = 4,
            DeletedReservations = 4,
            NewMessages = 15,
            NewListings = 1,
            UpdatedListings = 2,
            DeletedListings = 1,
            DeletedListingsWithReservations = 1,
            DeletedConversations = 3,
            Seed = 3,
        });
        Assert.NotEmpty(report.DeletedConversationIds);
        harness.Simulator.ResetStats();
        using var before = Copy(harness);
        var log = new InfoLog();

        var result = await SyncRunner.RunAsync(harness.Options(SyncMode.Reconcile), log);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Assert.Equal(SyncMode.Reconcile, result.Mode);
        Assert.All(result.Resources.Where(r => r.Resource != SyncResources.Listings), r => Assert.Equal(SyncMode.Reconcile, r.Mode));
        // Messages only of the conversations the changes touched: new messages, new reservations' conversations.
        var touched = report.ConversationIdsWithNewMessages.Count + report.NewConversationIds.Count;
        var messageRequests = MessageRequests(harness);
        Assert.True(messageRequests >= 1 && messageRequests <= 2 * touched, $"{messageRequests} message requests for {touched} conversations: " + string.Join(" | ", log.Lines));
        var requests = DataRequests(harness);
        Assert.True(requests < fullRequests / 4, $"reconcile {requests} requests, full {fullRequests}");
        harness.AssertEqualsGroundTruth();
        await AssertSameAsFullSyncAsync(harness, before);
    }

    [Fact]
    public async Task A_reconcile_right_after_a_full_sync_fetches_no_messages_and_changes_nothing()
    {
        await using var harness = await SyncHarness.StartAsync(72, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var before = harness.Fingerprint();
        harness.Simulator.ResetStats();

        var result = await harness.RunAsync(SyncMode.Reconcile);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Assert.Equal(0, MessageRequests(harness));
        Assert.All(result.Resources, r => Assert.Equal(0, r.Created + r.Updated + r.Deleted));
        Assert.Equal(before, harness.Fingerprint());
    }

    [Fact]
    public async Task A_reconcile_after_an_incremental_run_fetches_no_messages_the_incremental_run_already_stored()
    {
        await using var harness = await SyncHarness.StartAsync(79, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        harness.Simulator.Mutate(new MutationRequest { NewMessages = 20, UpdatedReservations = 5, Seed = 2 });
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Incremental)).Status);
        harness.Simulator.ResetStats();

        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Reconcile)).Status);

        // The incremental run stored those conversations as their reservations list them; the conversations list shows
        // the same change marks, so nothing is fetched twice.
        Assert.Equal(0, MessageRequests(harness));
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task Conversation_files_deleted_truncated_or_edited_by_hand_are_written_again_and_only_their_messages_fetched()
    {
        await using var harness = await SyncHarness.StartAsync(73, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var files = Files(harness);
        var (deleted, truncated, edited) = (files[0], files[1], files[2]);
        var untouched = files.Skip(3).Select(f => (f.Path, File.GetLastWriteTimeUtc(f.FullPath), f.Text)).ToList();
        File.Delete(deleted.FullPath);
        File.WriteAllText(truncated.FullPath, truncated.Text[..(truncated.Text.Length / 2)]);
        // Same length, one character changed: only the hash can tell.
        var at = edited.Text.LastIndexOf('e');
        File.WriteAllText(edited.FullPath, string.Concat(edited.Text.AsSpan(0, at), "E", edited.Text.AsSpan(at + 1)));
        harness.Simulator.ResetStats();

        var result = await harness.RunAsync(SyncMode.Reconcile);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Assert.Equal(deleted.Text, File.ReadAllText(deleted.FullPath));
        Assert.Equal(truncated.Text, File.ReadAllText(truncated.FullPath));
        Assert.Equal(edited.Text, File.ReadAllText(edited.FullPath));
        var truth = harness.Simulator.GetGroundTruth();
        var expectedRequests = new[] { deleted, truncated, edited }.Sum(f => Pages(truth.MessagesByConversation.TryGetValue(f.Id, out var m) ? m.Count : 0));
        Assert.Equal(expectedRequests, MessageRequests(harness));
        Assert.All(untouched, f => Assert.Equal((f.Item2, f.Text), (File.GetLastWriteTimeUtc(Path.Combine(harness.ConversationsPath, f.Path)), File.ReadAllText(Path.Combine(harness.ConversationsPath, f.Path)))));
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task A_changed_header_is_written_again_from_the_files_own_messages_without_asking_the_api()
    {
        await using var harness = await SyncHarness.StartAsync(74, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var report = harness.Simulator.Mutate(new MutationRequest { UpdatedReservations = 15, Seed = 4 });
        harness.Simulator.ResetStats();
        using var before = Copy(harness);

        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Reconcile)).Status);

        // Updates move dates and prices, not the conversations' messages: no message list is read again, yet every file's
        // header shows its reservation's dates as they are now.
        Assert.Equal(0, MessageRequests(harness));
        harness.AssertEqualsGroundTruth();
        await AssertSameAsFullSyncAsync(harness, before);
        Assert.NotEmpty(report.UpdatedReservationIds);
    }

    [Fact]
    public async Task A_database_written_before_the_file_stamps_existed_is_reconciled_once_by_fetching_every_conversation()
    {
        await using var harness = await SyncHarness.StartAsync(75, DatasetOptions.Tiny);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            db.Execute("UPDATE conversations SET list_mark = NULL, messages_mark = NULL, file_sha256 = NULL, file_bytes = NULL, header_mark = NULL;");
        }

        var conversations = harness.Simulator.GetCounts().Conversations;
        harness.Simulator.ResetStats();
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Reconcile)).Status);
        Assert.True(MessageRequests(harness) >= conversations);

        harness.Simulator.ResetStats();
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Reconcile)).Status);
        Assert.Equal(0, MessageRequests(harness));
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task A_scheduled_message_whose_status_changes_without_any_list_entry_moving_is_seen_by_a_full_sync_only()
    {
        await using var harness = await SyncHarness.StartAsync(76, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var report = harness.Simulator.Mutate(new MutationRequest { ChangedScheduledMessages = 3, Seed = 6 });
        Assert.Equal(3, report.ChangedMessageIds.Count);

        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Reconcile)).Status);
        // The documented limit: nothing the conversations list shows moved, so the reconcile cannot know.
        Assert.Equal(3, StoredStatuses(harness, report.ChangedMessageIds).Count(s => s != "cancelled_by_user"));

        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        Assert.All(StoredStatuses(harness, report.ChangedMessageIds), s => Assert.Equal("cancelled_by_user", s));
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task A_reconcile_cancelled_midway_is_resumed_by_the_next_run_and_ends_equal_to_the_ground_truth()
    {
        await using var harness = await SyncHarness.StartAsync(77, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        harness.Simulator.Mutate(new MutationRequest { NewMessages = 40, DeletedReservations = 3, NewReservations = 5, Seed = 8 });
        using var cancel = new CancellationTokenSource();
        var options = harness.Options(SyncMode.Reconcile);
        var progress = new CancelOnMessages(cancel);

        var first = await SyncRunner.RunAsync(options, progress: progress, cancellationToken: cancel.Token);
        Assert.Equal(SyncStatus.Cancelled, first.Status);
        using (var db = harness.Open())
        {
            Assert.Contains("Reconcile", db.ExecuteScalar<string>("SELECT checkpoint FROM sync_state WHERE resource = 'conversations';") ?? string.Empty, StringComparison.Ordinal);
        }

        // An automatic run resumes the reconcile.
        var next = await harness.RunAsync();
        Assert.Equal(SyncStatus.Succeeded, next.Status);
        Assert.Equal(SyncMode.Reconcile, next.Resources.Single(r => r.Resource == SyncResources.Conversations).Mode);
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public Task A_reconcile_killed_at_random_points_is_finished_by_a_normal_run_equal_to_the_ground_truth() =>
        KillDuringReconcileAsync(null);

    /// <summary>
    /// kill -9 of a reconcile (in its own process) at random points, at least twice; then a normal run finishes it: nothing
    /// stored is lost at any kill, and the end is equal to the ground truth (with SQLite's integrity check).
    /// </summary>
    internal static async Task KillDuringReconcileAsync(string? postgresConnectionString)
    {
        var slow = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(60) };
        await using var harness = await SyncHarness.StartAsync(78, DatasetOptions.Small, slow, postgresConnectionString);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        harness.Simulator.Mutate(new MutationRequest { NewMessages = 60, DeletedReservations = 3, NewReservations = 4, DeletedConversations = 2, Seed = 12 });
        // Every file gone too: the reconcile fetches every conversation's messages, a run long enough to be killed in.
        Directory.Delete(harness.ConversationsPath, recursive: true);
        var random = new Random(78);
        var kills = await SyncHostProcess.KillRepeatedlyAsync(harness, SyncMode.Reconcile, 3, 20, async (killed, process) =>
        {
            // The first kill at a random time (often while listings are read); the others once a reconciling pass runs.
            var killAt = DateTime.UtcNow.AddMilliseconds(random.Next(1000, 4000));
            // Not for ever: a process that never reaches those passes within two minutes is killed wherever it is.
            var giveUpAt = DateTime.UtcNow.AddMinutes(2);
            while (killed > 0 && !process.HasExited && DateTime.UtcNow < giveUpAt && StoreSnapshot.Read(harness).RunningResource is not ("Reservations" or "Conversations"))
            {
                await Task.Delay(50);
                killAt = DateTime.UtcNow.AddMilliseconds(random.Next(100, 1500));
            }

            return !process.WaitForExit(TimeSpan.FromMilliseconds(Math.Max(0, (killAt - DateTime.UtcNow).TotalMilliseconds)));
        });

        var final = await SyncRunner.RunAsync(harness.Options() with { LockTimeout = TimeSpan.FromSeconds(5) });

        Assert.True(kills >= 2, $"only {kills} reconciles were killed; the others finished first");
        Assert.Equal(SyncStatus.Succeeded, final.Status);
        using (var db = harness.OpenStore())
        {
            // Killed inside the passes that reconcile, not only before them (each killed pass is closed as interrupted).
            var killedIn = db.Query<string>("SELECT DISTINCT resource FROM sync_logs WHERE error_id = 'HostawaySyncInterrupted' AND resource <> 'Run';").ToList();
            Assert.True(killedIn.Intersect(["Reservations", "Conversations"]).Any(), "killed only in: " + string.Join(", ", killedIn));
            Assert.Equal(SyncMode.Reconcile, final.Resources.Single(r => r.Resource == SyncResources.Conversations).Mode);
        }

        harness.AssertEqualsGroundTruth();
    }

    /// <summary>The database and conversation folder as they are now (the state a reconcile starts from), in a temporary folder.</summary>
    internal static TempFolder Copy(SyncHarness harness)
    {
        var copy = new TempFolder();
        using (var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={harness.DatabasePath};Mode=ReadOnly;Pooling=False"))
        using (var destination = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy.Combine("full.db")};Pooling=False"))
        {
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
        }

        foreach (var file in Directory.EnumerateFiles(harness.ConversationsPath, "*", SearchOption.AllDirectories))
        {
            var target = copy.Combine("conversations", Path.GetRelativePath(harness.ConversationsPath, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    /// <summary>
    /// A full sync of <paramref name="before"/> (the state the reconcile started from) gives the same live rows and the same
    /// file bytes, conversation by conversation, as the reconcile.
    /// </summary>
    internal static async Task AssertSameAsFullSyncAsync(SyncHarness harness, TempFolder before)
    {
        var database = before.Combine("full.db");
        var folder = before.Combine("conversations");
        var full = await SyncRunner.RunAsync(harness.Options(SyncMode.Full) with { DatabasePath = database, ConversationsPath = folder });
        Assert.Equal(SyncStatus.Succeeded, full.Status);

        using var reconciled = harness.Open();
        using var reference = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        // New conversations' file names depend on the order they are fetched in, and a message's content hash on its file's
        // name: the messages are compared by their documents instead.
        const string Reservations = "SELECT reservation_id, content_hash, deleted_at IS NULL FROM reservations WHERE deleted_at IS NULL ORDER BY 1;";
        const string Listings = "SELECT listing_id, content_hash FROM listings WHERE deleted_at IS NULL ORDER BY 1;";
        const string Messages = "SELECT m.message_id, m.conversation_id, m.direction, m.status, m.body_hash, m.file_position, m.raw_json FROM messages_metadata m JOIN conversations c ON c.conversation_id = m.conversation_id WHERE c.deleted_at IS NULL ORDER BY 1;";
        Assert.Equal(reference.Query<(long, string, bool)>(Reservations), reconciled.Query<(long, string, bool)>(Reservations));
        Assert.Equal(reference.Query<(long, string)>(Listings), reconciled.Query<(long, string)>(Listings));
        Assert.Equal(
            reference.Query<(long, long, string, string?, string?, long, string)>(Messages),
            reconciled.Query<(long, long, string, string?, string?, long, string)>(Messages));

        const string Conversations = "SELECT conversation_id, file_path, message_count, content_hash FROM conversations WHERE deleted_at IS NULL ORDER BY 1;";
        var expected = reference.Query<(long Id, string Path, long Count, string Hash)>(Conversations).ToList();
        var actual = reconciled.Query<(long Id, string Path, long Count, string Hash)>(Conversations).ToList();
        Assert.Equal(expected.Select(c => (c.Id, c.Count, c.Hash)), actual.Select(c => (c.Id, c.Count, c.Hash)));
        Assert.NotEmpty(expected);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, expected[i].Path)), File.ReadAllText(Path.Combine(harness.ConversationsPath, actual[i].Path)));
        }
    }

    private static List<string?> StoredStatuses(SyncHarness harness, IReadOnlyList<long> messageIds)
    {
        using var db = harness.Open();
        return db.Query<string?>("SELECT status FROM messages_metadata WHERE message_id IN @Ids;", new { Ids = messageIds }).ToList();
    }

    /// <summary>The message-list pages the simulator served since its stats were last reset.</summary>
    private static long MessageRequests(SyncHarness harness) => harness.Simulator.GetStats().RequestsByEndpoint.GetValueOrDefault(MessagesEndpoint);

    private static long DataRequests(SyncHarness harness) => harness.Simulator.GetStats().DataRequests();

    private static int Pages(int items) => (items / 100) + 1;

    private static List<(long Id, string Path, string FullPath, string Text)> Files(SyncHarness harness)
    {
        using var db = harness.Open();
        return db.Query<(long Id, string Path)>("SELECT conversation_id, file_path FROM conversations WHERE deleted_at IS NULL AND message_count > 2 ORDER BY conversation_id;")
            .Select(c => (c.Id, c.Path, Path.Combine(harness.ConversationsPath, c.Path), File.ReadAllText(Path.Combine(harness.ConversationsPath, c.Path))))
            .ToList();
    }

    /// <summary>The run's information lines, for failure messages.</summary>
    private sealed class InfoLog : ISyncLog
    {
        public List<string> Lines { get; } = [];

        public bool IsEnabled(SyncLogLevel level) => level >= SyncLogLevel.Information;

        public void Write(SyncLogLevel level, string message)
        {
            lock (Lines)
            {
                Lines.Add(message);
            }
        }
    }

    /// <summary>Cancels the run once a few conversations' messages were stored by the reconcile.</summary>
    private sealed class CancelOnMessages(CancellationTokenSource cancel) : ISyncProgress
    {
        public void Report(SyncProgressUpdate update)
        {
            if (update.Resource == SyncResources.Conversations && update.Activity.StartsWith("Fetching messages", StringComparison.Ordinal) && update.Done >= 5)
            {
                cancel.Cancel();
            }
        }
    }
}
