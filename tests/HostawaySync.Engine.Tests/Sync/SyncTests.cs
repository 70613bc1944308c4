using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>Full and incremental syncs against the simulator end with the database equal to the API's ground truth.</summary>
public sealed class SyncTests
{
    [Fact]
    public async Task A_full_sync_stores_exactly_the_ground_truth_with_the_minimum_requests()
    {
        await using var harness = await SyncHarness.StartAsync(21, DatasetOptions.Small);

        var result = await harness.RunAsync(SyncMode.Full);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        harness.AssertEqualsGroundTruth();
        var counts = harness.Simulator.GetCounts();
        var truth = harness.Simulator.GetGroundTruth();
        var minimum = Pages(counts.Listings) + Pages(counts.Reservations) + Pages(counts.Conversations) + Pages(counts.Reviews)
            + truth.MessagesByConversation.Values.Sum(m => Pages(m.Count)) + (counts.Conversations - truth.MessagesByConversation.Count);
        var stats = harness.Simulator.GetStats();
        Assert.Equal(minimum, stats.DataRequests());
        Assert.Equal(SyncStatus.Succeeded, result.Resources.Single(r => r.Resource == SyncResources.Conversations).Status);
        Assert.Equal(counts.Messages, result.Resources.Sum(r => r.Messages));
    }

    [Fact]
    public async Task Syncing_twice_changes_nothing()
    {
        await using var harness = await SyncHarness.StartAsync(22, DatasetOptions.Small);
        await harness.RunAsync(SyncMode.Full);
        var before = harness.Fingerprint();

        var again = await harness.RunAsync(SyncMode.Full);
        var incremental = await harness.RunAsync(SyncMode.Incremental);

        Assert.Equal(SyncStatus.Succeeded, again.Status);
        Assert.Equal(SyncStatus.Succeeded, incremental.Status);
        Assert.All(again.Resources, r => Assert.Equal(0, r.Created + r.Updated + r.Deleted));
        Assert.Equal(before, harness.Fingerprint());
    }

    [Fact]
    public async Task Random_mutations_followed_by_incremental_syncs_keep_the_database_equal_to_the_api()
    {
        // Token warm-up off on both sides: this test is about data, and it runs 140 syncs.
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, TokenWarmup = TimeSpan.Zero };
        for (var seed = 100; seed < 120; seed++)
        {
            await using var harness = await SyncHarness.StartAsync(seed, DatasetOptions.Tiny, settings);
            harness.ClientTokenWarmup = TimeSpan.Zero;
            await harness.RunAsync(SyncMode.Full);
            var random = new Random(seed);
            for (var round = 0; round < 5; round++)
            {
                harness.Simulator.Mutate(new MutationRequest
                {
                    UpdatedReservations = random.Next(0, 4),
                    NewReservations = random.Next(0, 4),
                    CancelledReservations = random.Next(0, 2),
                    NewMessages = random.Next(0, 8),
                    NewListings = random.Next(0, 2),
                    UpdatedListings = random.Next(0, 2),
                    DeletedReservations = random.Next(0, 2),
                    DeletedListings = round == 2 ? 1 : 0,
                    Seed = seed * 10 + round,
                });
                if (random.Next(2) == 0)
                {
                    harness.Simulator.AdvanceClock(TimeSpan.FromHours(random.Next(1, 30)));
                }

                var result = await harness.RunAsync(SyncMode.Incremental);
                Assert.Equal(SyncStatus.Succeeded, result.Status);
                harness.AssertEqualsGroundTruth(deletionsReconciled: false);
            }

            await harness.RunAsync(SyncMode.Full);
            harness.AssertEqualsGroundTruth();
        }
    }

    [Fact]
    public async Task An_incremental_sync_costs_requests_in_proportion_to_the_changes()
    {
        await using var harness = await SyncHarness.StartAsync(23, DatasetOptions.Small);
        await harness.RunAsync(SyncMode.Full);
        var fullRequests = harness.Simulator.GetStats().Requests;
        harness.Simulator.ResetStats();
        var report = harness.Simulator.Mutate(new MutationRequest { UpdatedReservations = 3, NewMessages = 3, Seed = 5 });
        var changed = report.UpdatedReservationIds.Count + report.ConversationIdsWithNewMessages.Count;

        await harness.RunAsync(SyncMode.Incremental);

        var requests = harness.Simulator.GetStats().Requests;
        // Listings are re-read in full (a page or two); reservations: two short passes; then per changed reservation its conversations and messages.
        Assert.True(requests <= 10 + (4 * changed), $"{requests} requests for {changed} changes (a full sync took {fullRequests})");
        harness.AssertEqualsGroundTruth(deletionsReconciled: false);
    }

    [Fact]
    public async Task A_full_sync_at_a_ten_percent_fault_rate_still_stores_the_ground_truth()
    {
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, FaultRate = 0.10, StallDuration = TimeSpan.FromSeconds(5) };
        await using var harness = await SyncHarness.StartAsync(24, DatasetOptions.Small, settings);

        var result = await SyncRunner.RunAsync(harness.Options(SyncMode.Full, c => c with { RequestTimeout = TimeSpan.FromSeconds(1) }));

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Assert.True(result.Api.Retries > 0);
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task A_cancelled_sync_leaves_a_consistent_database_and_the_next_run_finishes_it()
    {
        await using var harness = await SyncHarness.StartAsync(25, DatasetOptions.Small, new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(5) });
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(cancel, SyncResources.Conversations, 20);

        var first = await SyncRunner.RunAsync(harness.Options(SyncMode.Full), progress: progress, cancellationToken: cancel.Token);
        var resumed = await harness.RunAsync();

        Assert.Equal(SyncStatus.Cancelled, first.Status);
        Assert.Equal(SyncStatus.Succeeded, resumed.Status);
        harness.AssertEqualsGroundTruth();
        using var db = harness.Open();
        Assert.Equal(["Cancelled", "Succeeded"], db.Query<string>("SELECT status FROM sync_logs WHERE resource = 'Run' ORDER BY sync_log_id;"));
    }

    [Fact]
    public async Task Two_syncs_at_once_run_one_after_the_other_or_the_second_gives_up_cleanly()
    {
        await using var harness = await SyncHarness.StartAsync(26, DatasetOptions.Tiny, new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, Latency = TimeSpan.FromMilliseconds(20) });

        var both = await Task.WhenAll(harness.RunAsync(SyncMode.Full), harness.RunAsync(SyncMode.Full));
        Assert.All(both, r => Assert.Equal(SyncStatus.Succeeded, r.Status));
        harness.AssertEqualsGroundTruth();

        using var holder = await WriterLock.AcquireAsync(harness.DatabasePath, TimeSpan.Zero);
        var error = await Assert.ThrowsAsync<HostawayException>(() => SyncRunner.RunAsync(harness.Options(SyncMode.Full) with { LockTimeout = TimeSpan.FromMilliseconds(300) }));
        Assert.Equal(ErrorIds.SyncInProgress, error.ErrorId);
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task Conversation_files_left_by_earlier_tools_are_indexed_and_linked()
    {
        await using var harness = await SyncHarness.StartAsync(27, DatasetOptions.Small);
        var truth = harness.Simulator.GetGroundTruth();
        var plain = new System.Text.RegularExpressions.Regex("^[A-Za-z][A-Za-z0-9 ]{0,40}$");
        var (listing, reservation) = truth.Reservations
            .Select(r => (Listing: truth.Listings.FirstOrDefault(l => (long)l["id"]! == (long)r["listingMapId"]!), Reservation: r))
            .First(p => p.Listing is not null && plain.IsMatch((string?)p.Listing["name"] ?? "") && plain.IsMatch((string?)p.Reservation["guestName"] ?? "")
                && (string?)p.Reservation["arrivalDate"] is not null);
        var folder = Path.Combine(harness.ConversationsPath, (string)listing!["name"]!);
        Directory.CreateDirectory(folder);
        var guest = (string)reservation["guestName"]!;
        File.WriteAllText(Path.Combine(folder, $"{guest}_{(string)reservation["arrivalDate"]!}_conversation.txt"),
            $"[2025-01-02 10:00] {guest}: Hello, is parking included?\nWe arrive by car.\n[2025-01-02 10:05] Host: Yes, spot 4.\n");

        await harness.RunAsync(SyncMode.Full);

        using var db = harness.Open();
        var rows = db.Query<(long Id, long? ReservationId, long? ListingId, long? ConversationId, string Direction)>(
            "SELECT message_id, reservation_id, listing_id, conversation_id, direction FROM messages_metadata WHERE message_id < 0 ORDER BY file_position;").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((long)reservation["id"]!, r.ReservationId));
        Assert.All(rows, r => Assert.Equal((long)listing["id"]!, r.ListingId));
        Assert.Equal(["guest", "host"], rows.Select(r => r.Direction));
        harness.AssertEqualsGroundTruth();

        await harness.RunAsync(SyncMode.Incremental);
        using var again = harness.Open();
        Assert.Equal(rows.Select(r => r.Id), again.Query<long>("SELECT message_id FROM messages_metadata WHERE message_id < 0 ORDER BY file_position;"));
    }

    /// <summary>Requests a list of <paramref name="items"/> needs when the end is only shown by a page shorter than 100 rows, or an empty one.</summary>
    private static int Pages(int items) => (items / 100) + 1;

    private sealed class CancelAfter(CancellationTokenSource cancel, SyncResources resource, long done) : ISyncProgress
    {
        public void Report(SyncProgressUpdate update)
        {
            if (update.Resource == resource && update.Done >= done)
            {
                cancel.Cancel();
            }
        }
    }
}
