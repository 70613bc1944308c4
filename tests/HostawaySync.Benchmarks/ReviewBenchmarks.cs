using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Issue 14's "Show": on a Medium account, what reviews cost. A full sync reads every review; a day later, after reviews
/// moved along their lifecycle, got host responses, appeared and were deleted (as the review periods allow) and the usual
/// reservation and message changes, an incremental run reads only the window of reviews that can still change. Its review
/// requests ÷ the full sync's review requests, and whether the stored reviews then equal the API's; then a reconcile,
/// which reads every review and must also leave them equal.
/// </summary>
public static class ReviewBenchmarks
{
    /// <summary>The scenario names whose results go to the report's "reviews" section.</summary>
    public static IReadOnlyList<string> Scenarios { get; } = ["reviews"];

    private const string ReviewList = "GET /v1/reviews";
    private const string ReviewSingle = "GET /v1/reviews/{id}";

    private const string Target = "the incremental run reads a fraction of the full sync's review pages and leaves the reviews equal to the API's; the reconcile too";

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync()
    {
        using var folder = new BenchFolder("reviews");
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 42, Dataset = DatasetOptions.Medium, Settings = SimulatedAccount.Unlimited });
        var options = SimulatedAccount.Sync(simulator, folder);
        var counts = simulator.GetCounts();
        Console.WriteLine(Invariant($"   account: {counts.Listings:N0} listings, {counts.Reservations:N0} reservations, {counts.Reviews:N0} reviews"));

        var clock = Stopwatch.StartNew();
        var full = await SyncRunner.RunAsync(options with { Mode = SyncMode.Full });
        var fullStats = simulator.GetStats();
        var fullRequests = SyncBenchmarks.DataRequests(fullStats);
        var fullReviewPages = fullStats.RequestsByEndpoint.GetValueOrDefault(ReviewList);
        Console.WriteLine(Invariant($"   full sync: {full.Status}, {fullRequests:N0} requests ({fullReviewPages:N0} review pages), {clock.Elapsed.TotalSeconds:0.0} s"));

        // A day later: the review changes a day brings (as the review periods allow), and the usual reservation and message changes.
        simulator.AdvanceClock(TimeSpan.FromDays(1));
        var reviewChange = simulator.Mutate(new MutationRequest
        {
            NewReviews = counts.Reviews / 200, AdvancedReviews = counts.Reviews / 200, HostResponses = counts.Reviews / 500, DeletedReviews = 5, Seed = 14,
        });
        simulator.Mutate(new MutationRequest { UpdatedReservations = counts.Reservations / 200, NewMessages = counts.Reservations / 200, Seed = 15 });
        var changed = Invariant($"{reviewChange.NewReviewIds.Count:N0} new reviews, {reviewChange.AdvancedReviewIds.Count:N0} moved along their lifecycle, {reviewChange.RespondedReviewIds.Count:N0} host responses, {reviewChange.DeletedReviewIds.Count:N0} deleted; {counts.Reservations / 200:N0} reservations updated, {counts.Reservations / 200:N0} new messages");
        Console.WriteLine($"   change: {changed}");

        simulator.ResetStats();
        clock.Restart();
        var incremental = await SyncRunner.RunAsync(options with { Mode = SyncMode.Incremental });
        var incrementalSeconds = clock.Elapsed.TotalSeconds;
        var stats = simulator.GetStats();
        var windowPages = stats.RequestsByEndpoint.GetValueOrDefault(ReviewList);
        var singles = stats.RequestsByEndpoint.GetValueOrDefault(ReviewSingle);
        var reviews = incremental.Resources.Single(r => r.Resource == SyncResources.Reviews);
        var window = Window(options.DatabasePath);
        var afterIncremental = Compare(simulator, options.DatabasePath);
        Console.WriteLine(Invariant($"   incremental: {incremental.Status}, {SyncBenchmarks.DataRequests(stats):N0} requests, {windowPages:N0} review pages + {singles:N0} single reviews; {afterIncremental.Describe()}"));

        simulator.Mutate(new MutationRequest { OldReviewChanges = 3, Seed = 16 });
        simulator.ResetStats();
        var reconcile = await SyncRunner.RunAsync(options with { Mode = SyncMode.Reconcile });
        var reconcileStats = simulator.GetStats();
        var reconcilePages = reconcileStats.RequestsByEndpoint.GetValueOrDefault(ReviewList);
        var afterReconcile = Compare(simulator, options.DatabasePath);
        Console.WriteLine(Invariant($"   reconcile: {reconcile.Status}, {reconcilePages:N0} review pages; {afterReconcile.Describe()}"));

        var ratio = (double)(windowPages + singles) / fullReviewPages;
        var met = incremental.Status == SyncStatus.Succeeded && reconcile.Status == SyncStatus.Succeeded && afterIncremental.Equal && afterReconcile.Equal && ratio < 1;
        return
        [
            new BenchmarkResult("reviews",
            [
                Figure.Of("account", Invariant($"{counts.Listings:N0} listings, {counts.Reservations:N0} reservations, {counts.Reviews:N0} reviews")),
                Figure.Of("full sync status", full.Status.ToString()),
                Figure.Of("full sync requests (token excluded)", fullRequests),
                Figure.Of("  of which review pages", fullReviewPages),
                Figure.Of("change, a simulated day after the full sync", changed),
                Figure.Of("incremental status", incremental.Status.ToString()),
                Figure.Of("incremental wall time (s)", incrementalSeconds, "0.0"),
                Figure.Of("incremental requests, all resources (token excluded)", SyncBenchmarks.DataRequests(stats)),
                Figure.Of("  review window read from (departure date), reviews stored in it", window),
                Figure.Of("  review pages, single-review requests (unseen reviews of the window)", Invariant($"{windowPages:N0}, {singles:N0}")),
                Figure.Of("  reviews: created, updated, unchanged, deleted", Invariant($"{reviews.Created:N0}, {reviews.Updated:N0}, {reviews.Unchanged:N0}, {reviews.Deleted:N0}")),
                Figure.Of("incremental review requests ÷ full sync review pages", ratio, "0.000"),
                Figure.Of("reviews equal to the API after the incremental: live, stored, missing, differing, extra", afterIncremental.Describe()),
                Figure.Of("reconcile (after 3 changes older than the window): status", reconcile.Status.ToString()),
                Figure.Of("  review pages", reconcilePages),
                Figure.Of("reviews equal to the API after the reconcile: live, stored, missing, differing, extra", afterReconcile.Describe()),
            ], Target, met)
            {
                Title = "V1. Reviews: the incremental window's cost (issue 14)",
                Headline = Invariant($"incremental review requests ÷ full review pages = {ratio:0.000} ({windowPages + singles:N0} of {fullReviewPages:N0}); reviews equal to the API after the incremental: {(afterIncremental.Equal ? "yes" : "no")}, after the reconcile: {(afterReconcile.Equal ? "yes" : "no")}"),
                Method = "A full sync (SyncRunner, SQLite) of a simulated Medium account (seed 42) with no faults, no latency and no rate limit; requests are counted by the simulator, the token request excluded. The simulated clock moves a day, and the account changes: new reviews for recent stays, reviews moved along their lifecycle and host responses (each 0.5% or 0.2% of the reviews, within the channels' review periods, as real reviews change), 5 reviews deleted, and 0.5% of the reservations updated with as many new messages. Then an incremental run (the review window: reviews departing since ReviewWindowDays, 90, before the previous pass), and every live review of the API is compared with the database (ids and JSON; deleted ones must be marked). Then 3 reviews older than the window change (which only a full read can see) and a reconcile runs, and the comparison is made again.",
                Note = "A reconcile reads every review page, as a full sync does: the review object has no update time, so a read is the only way to see a change. The reconcile benchmarks of issue 12 (R1, R2) sync listings, reservations and conversations only; with reviews, a reconcile of this account adds the review pages above to R1's requests.",
            },
        ];
    }

    /// <summary>The window the last incremental pass read (its cursor less the window) and how many stored reviews depart in it.</summary>
    private static string Window(string databasePath)
    {
        using var db = Open(databasePath);
        var log = db.QuerySingle<(string? CursorBefore, string? CursorAfter)>(
            "SELECT cursor_before, cursor_after FROM sync_logs WHERE resource = 'Reviews' ORDER BY sync_log_id DESC LIMIT 1;");
        var from = DateTime.Parse(log.CursorBefore!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).AddDays(-90).Date;
        var inWindow = db.ExecuteScalar<long>("SELECT count(*) FROM reviews WHERE deleted_at IS NULL AND departure_at >= @From;", new { From = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        return Invariant($"{from:yyyy-MM-dd}, {inWindow:N0}");
    }

    private static ReviewComparison Compare(HostawaySimulator simulator, string databasePath)
    {
        var truth = simulator.GetGroundTruth().Reviews.ToDictionary(r => (long)r["id"]!);
        using var db = Open(databasePath);
        var stored = db.Query<(long Id, string Json)>("SELECT review_id, raw_json FROM reviews WHERE deleted_at IS NULL;").ToDictionary(r => r.Id, r => r.Json);
        var missing = truth.Keys.Count(id => !stored.ContainsKey(id));
        var differing = truth.Count(t => stored.TryGetValue(t.Key, out var json) && !JsonNode.DeepEquals(t.Value, JsonNode.Parse(json)));
        var extra = stored.Keys.Count(id => !truth.ContainsKey(id));
        return new ReviewComparison(truth.Count, stored.Count, missing, differing, extra);
    }

    private static SqliteConnection Open(string databasePath)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        return db;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record ReviewComparison(int Live, int Stored, int Missing, int Differing, int Extra)
    {
        public bool Equal => Missing == 0 && Differing == 0 && Extra == 0;

        public string Describe() => Invariant($"{Live:N0}, {Stored:N0}, {Missing:N0}, {Differing:N0}, {Extra:N0}");
    }
}
