using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>
/// Full and incremental syncs end equal to the API's truth under every reading of what its documentation leaves open
/// (what <c>count</c> holds, page caps said or silent, an offset ceiling, wrong or missing page fields, rows that move
/// while the client pages), and a pass that cannot see everything the API counts is never called a success.
/// </summary>
public sealed class PagingVariantSyncTests
{
    public static TheoryData<CountMode, int, bool> CountsAndCaps()
    {
        var data = new TheoryData<CountMode, int, bool>();
        foreach (var count in Enum.GetValues<CountMode>())
        {
            data.Add(count, 100, false);
            data.Add(count, 50, true);
            data.Add(count, 50, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CountsAndCaps))]
    public async Task Full_and_incremental_syncs_equal_the_truth_whatever_count_holds_and_however_pages_are_capped(CountMode count, int cap, bool capInEnvelope)
    {
        await using var harness = await SyncHarness.StartAsync(41, DatasetOptions.Small, Settings() with { Count = count, MaxPageSize = cap, PageCapInEnvelope = capInEnvelope });
        harness.ClientTokenWarmup = TimeSpan.Zero;

        var full = await harness.RunAsync(SyncMode.Full);

        AssertSucceeded(full);
        harness.AssertEqualsGroundTruth();
        harness.Simulator.Mutate(new MutationRequest { NewReservations = 4, UpdatedReservations = 6, CancelledReservations = 2, NewMessages = 9, NewListings = 1, UpdatedListings = 2, Seed = 7 });
        var incremental = await harness.RunAsync(SyncMode.Incremental);
        AssertSucceeded(incremental);
        harness.AssertEqualsGroundTruth(deletionsReconciled: false);
    }

    [Theory]
    [InlineData(OffsetCeilingMode.Empty, CountMode.Total)]
    [InlineData(OffsetCeilingMode.Error, CountMode.Total)]
    [InlineData(OffsetCeilingMode.Empty, CountMode.Remaining)]
    [InlineData(OffsetCeilingMode.Error, CountMode.Absent, 50)]
    public async Task Conversations_past_an_offset_ceiling_are_reached_through_their_reservations(OffsetCeilingMode behaviour, CountMode count, int cap = 100)
    {
        // Small has 284 conversations, the longest with 240 messages: the ceiling (250) hides conversations, not messages. With
        // no count, only a refusal shows a ceiling (a page it cuts short looks like the end): pages of 50 meet it at offset 250.
        const int ceiling = 250;
        await using var harness = await SyncHarness.StartAsync(42, DatasetOptions.Small, Settings() with { OffsetCeiling = ceiling, OffsetCeilingBehaviour = behaviour, Count = count, MaxPageSize = cap });
        harness.ClientTokenWarmup = TimeSpan.Zero;
        Assert.True(harness.Simulator.GetCounts().Conversations > ceiling);

        var full = await harness.RunAsync(SyncMode.Full);

        AssertSucceeded(full);
        harness.AssertEqualsGroundTruth();
    }

    [Theory]
    [InlineData(PageFieldsMode.Missing)]
    [InlineData(PageFieldsMode.Wrong)]
    public async Task Page_and_totalPages_are_never_trusted(PageFieldsMode fields)
    {
        await using var harness = await SyncHarness.StartAsync(43, DatasetOptions.Small, Settings() with { PageFields = fields, MaxPageSize = 50 });
        harness.ClientTokenWarmup = TimeSpan.Zero;

        var full = await harness.RunAsync(SyncMode.Full);

        AssertSucceeded(full);
        harness.AssertEqualsGroundTruth();
    }

    [Theory]
    [InlineData(CountMode.Total)]
    [InlineData(CountMode.Remaining)]
    [InlineData(CountMode.Absent)]
    public async Task Rows_that_move_while_the_client_pages_are_stored_once_and_none_is_hidden(CountMode count)
    {
        await using var harness = await SyncHarness.StartAsync(44, DatasetOptions.Small, Settings() with { MoveRowEvery = 2, MaxPageSize = 50, Count = count });
        harness.ClientTokenWarmup = TimeSpan.Zero;

        var full = await harness.RunAsync(SyncMode.Full);

        AssertSucceeded(full);
        Assert.True(harness.Simulator.GetStats().RowsMoved > 0, "no row moved: the variant was not active");
        // Every object the API has now was stored (the moves changed some after they were read: the next run's business).
        var truth = harness.Simulator.GetGroundTruth();
        using (var db = harness.Open())
        {
            Assert.Empty(truth.Listings.Select(l => (long)l["id"]!).Except(db.Query<long>("SELECT listing_id FROM listings WHERE deleted_at IS NULL;")));
            Assert.Empty(truth.Reservations.Select(r => (long)r["id"]!).Except(db.Query<long>("SELECT reservation_id FROM reservations WHERE deleted_at IS NULL;")));
            Assert.Empty(truth.Conversations.Select(c => (long)c["id"]!).Except(db.Query<long>("SELECT conversation_id FROM conversations WHERE deleted_at IS NULL;")));
            Assert.Equal(db.ExecuteScalar<long>("SELECT count(DISTINCT reservation_id) FROM reservations;"), db.ExecuteScalar<long>("SELECT count(*) FROM reservations;"));
        }

        harness.Simulator.UpdateSettings(s => s with { MoveRowEvery = 0 });
        var incremental = await harness.RunAsync(SyncMode.Incremental);
        AssertSucceeded(incremental);
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task An_api_that_counts_rows_it_does_not_serve_makes_the_run_partial_and_the_next_run_succeeds_once_it_does()
    {
        // Listings by offset stop at 10 of 20 (no other way reaches the rest); the count says 20.
        await using var harness = await SyncHarness.StartAsync(45, DatasetOptions.Small, Settings() with { OffsetCeiling = 10 });
        harness.ClientTokenWarmup = TimeSpan.Zero;

        var first = await harness.RunAsync(SyncMode.Full);

        Assert.Equal(SyncStatus.Partial, first.Status);
        var listings = first.Resources.Single(r => r.Resource == SyncResources.Listings);
        Assert.Equal(SyncStatus.Partial, listings.Status);
        Assert.Equal(ErrorIds.SyncIncomplete, listings.ErrorId);
        Assert.Contains("saw 10 of the 20 listings the API counts", listings.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(ErrorIds.SyncIncomplete, first.Error?.ErrorId);
        using (var db = harness.Open())
        {
            Assert.Equal("Partial", db.ExecuteScalar<string>("SELECT status FROM sync_logs WHERE resource = 'Run' ORDER BY sync_log_id DESC LIMIT 1;"));
            Assert.Equal(ErrorIds.SyncIncomplete, db.ExecuteScalar<string>("SELECT error_id FROM sync_logs WHERE resource = 'Listings' ORDER BY sync_log_id DESC LIMIT 1;"));
        }

        harness.Simulator.UpdateSettings(s => s with { OffsetCeiling = 0 });
        var second = await harness.RunAsync();

        AssertSucceeded(second);
        harness.AssertEqualsGroundTruth();
    }

    private static void AssertSucceeded(SyncRunResult result) =>
        Assert.True(result.Status == SyncStatus.Succeeded, $"{result.Status}: " + string.Join(" | ", result.Resources.Select(r => $"{r.Resource} {r.Status} {r.ErrorId} {r.ErrorMessage}")));

    private static SimulatorSettings Settings() =>
        new() { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, TokenWarmup = TimeSpan.Zero };
}
