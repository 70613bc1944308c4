using Dapper;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>
/// Reviews have no update time: a full pass and a reconcile read all of them; an incremental pass reads the window of
/// reviews that can still change (by departure date) and nothing else, and still ends equal to the API after every
/// change the review periods allow.
/// </summary>
public sealed class ReviewSyncTests
{
    private const string ReviewList = "GET /v1/reviews";
    private const string ReviewSingle = "GET /v1/reviews/{id}";

    [Fact]
    public async Task An_incremental_run_after_lifecycle_moves_responses_new_and_deleted_reviews_equals_the_api_reading_only_the_window()
    {
        await using var harness = await SyncHarness.StartAsync(83, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var fullReviewPages = ReviewListRequests(harness);
        var total = harness.Simulator.GetGroundTruth().Reviews.Count;
        Assert.True(total > 100, $"{total} reviews");
        harness.Simulator.AdvanceClock(TimeSpan.FromDays(3));
        var report = harness.Simulator.Mutate(new MutationRequest { NewReviews = 8, AdvancedReviews = 10, HostResponses = 6, DeletedReviews = 3, Seed = 5 });
        Assert.NotEmpty(report.NewReviewIds);
        Assert.NotEmpty(report.AdvancedReviewIds);
        Assert.NotEmpty(report.RespondedReviewIds);
        Assert.NotEmpty(report.DeletedReviewIds);
        harness.Simulator.ResetStats();

        var result = await harness.RunAsync(SyncMode.Incremental);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        var reviews = result.Resources.Single(r => r.Resource == SyncResources.Reviews);
        Assert.Equal(SyncMode.Incremental, reviews.Mode);
        Assert.Equal(report.DeletedReviewIds.Count, reviews.Deleted);
        Assert.True(reviews.Created >= report.NewReviewIds.Count, $"created {reviews.Created}");
        // The window (reviews departing since 90 days before the previous pass) is a fraction of all reviews.
        var windowPages = ReviewListRequests(harness);
        Assert.True(windowPages >= 1 && windowPages < fullReviewPages, $"window {windowPages} pages, full {fullReviewPages}");
        Assert.Equal(report.DeletedReviewIds.Count, harness.Simulator.GetStats().RequestsByEndpoint.GetValueOrDefault(ReviewSingle));
        harness.AssertEqualsGroundTruth(deletionsReconciled: false);
        AssertReviewsEqualApi(harness);
    }

    [Fact]
    public async Task A_change_older_than_the_window_is_left_to_the_reconcile_which_reads_every_review()
    {
        await using var harness = await SyncHarness.StartAsync(84, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var fullReviewPages = ReviewListRequests(harness);
        var report = harness.Simulator.Mutate(new MutationRequest { OldReviewChanges = 3, AdvancedReviews = 4, Seed = 9 });
        Assert.Equal(3, report.OldChangedReviewIds.Count);

        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Incremental)).Status);
        var stale = StoredJson(harness, report.OldChangedReviewIds);
        harness.Simulator.ResetStats();
        var reconcile = await harness.RunAsync(SyncMode.Reconcile);

        var truth = harness.Simulator.GetGroundTruth().Reviews.Where(r => report.OldChangedReviewIds.Contains((long)r["id"]!)).ToDictionary(r => (long)r["id"]!);
        Assert.All(report.OldChangedReviewIds, id => Assert.False(System.Text.Json.Nodes.JsonNode.DeepEquals(truth[id], System.Text.Json.Nodes.JsonNode.Parse(stale[id]))));
        Assert.Equal(SyncStatus.Succeeded, reconcile.Status);
        var reviews = reconcile.Resources.Single(r => r.Resource == SyncResources.Reviews);
        Assert.Equal(SyncMode.Reconcile, reviews.Mode);
        Assert.Equal(3, reviews.Updated);
        Assert.Equal(fullReviewPages, ReviewListRequests(harness));
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task A_full_run_marks_reviews_deleted_on_their_own_or_with_their_reservation()
    {
        await using var harness = await SyncHarness.StartAsync(85, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var report = harness.Simulator.Mutate(new MutationRequest { DeletedReviews = 4, DeletedReservations = 2, NewReviews = 3, Seed = 2 });

        var full = await harness.RunAsync(SyncMode.Full);

        Assert.Equal(SyncStatus.Succeeded, full.Status);
        Assert.Equal(report.DeletedReviewIds.Count, full.Resources.Single(r => r.Resource == SyncResources.Reviews).Deleted);
        harness.AssertEqualsGroundTruth();
        using var db = harness.OpenStore();
        Assert.Equal(report.DeletedReviewIds.Order(), db.Query<long>("SELECT review_id FROM reviews WHERE deleted_at IS NOT NULL ORDER BY 1;"));
    }

    [Fact]
    public async Task The_cursor_is_committed_with_the_pass_and_a_second_incremental_reads_the_same_window_changing_nothing()
    {
        await using var harness = await SyncHarness.StartAsync(86, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Incremental)).Status);
        var fingerprint = harness.Fingerprint();
        string? cursor;
        using (var db = harness.OpenStore())
        {
            cursor = db.ExecuteScalar<string>("SELECT cursor FROM sync_state WHERE resource = 'reviews';");
        }

        harness.Simulator.ResetStats();
        var again = await harness.RunAsync(SyncMode.Incremental);

        var reviews = again.Resources.Single(r => r.Resource == SyncResources.Reviews);
        Assert.Equal((0, 0, 0), (reviews.Created, reviews.Updated, reviews.Deleted));
        Assert.True(reviews.Unchanged > 0);
        Assert.NotNull(cursor);
        // The window is measured from the API's clock (here its newest reservation activity), not the test machine's.
        Assert.True(StoreClock.Parse(cursor) <= harness.Simulator.UtcNow.AddMinutes(1), $"cursor {cursor}, API now {harness.Simulator.UtcNow:O}");
        Assert.Equal(fingerprint, harness.Fingerprint());
        Assert.Equal(0, harness.Simulator.GetStats().RequestsByEndpoint.GetValueOrDefault(ReviewSingle));
    }

    [Fact]
    public async Task The_window_follows_ReviewWindow_a_window_wider_than_the_account_reads_every_review_page()
    {
        await using var harness = await SyncHarness.StartAsync(87, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var fullPages = ReviewListRequests(harness);

        harness.Simulator.ResetStats();
        Assert.Equal(SyncStatus.Succeeded, (await SyncRunner.RunAsync(harness.Options(SyncMode.Incremental) with { ReviewWindow = TimeSpan.FromDays(7) })).Status);
        var narrow = ReviewListRequests(harness);
        harness.Simulator.ResetStats();
        Assert.Equal(SyncStatus.Succeeded, (await SyncRunner.RunAsync(harness.Options(SyncMode.Incremental) with { ReviewWindow = TimeSpan.FromDays(3650) })).Status);
        var wide = ReviewListRequests(harness);

        Assert.True(narrow < fullPages, $"7-day window {narrow} pages, full {fullPages}");
        Assert.Equal(fullPages, wide);
    }

    private static long ReviewListRequests(SyncHarness harness) => harness.Simulator.GetStats().RequestsByEndpoint.GetValueOrDefault(ReviewList);

    private static Dictionary<long, string> StoredJson(SyncHarness harness, IReadOnlyList<long> ids)
    {
        using var db = harness.OpenStore();
        return db.Query<(long Id, string Json)>("SELECT review_id, CAST(raw_json AS text) FROM reviews;").Where(r => ids.Contains(r.Id)).ToDictionary(r => r.Id, r => r.Json);
    }

    /// <summary>After an incremental run the deletions it could confirm are marked too: the live reviews are exactly the API's.</summary>
    private static void AssertReviewsEqualApi(SyncHarness harness)
    {
        using var db = harness.OpenStore();
        Assert.Equal(
            harness.Simulator.GetGroundTruth().Reviews.Select(r => (long)r["id"]!).Order(),
            db.Query<long>("SELECT review_id FROM reviews WHERE deleted_at IS NULL ORDER BY 1;"));
    }
}
