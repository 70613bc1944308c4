using System.Diagnostics;
using System.Globalization;
using Dapper;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Issue 16's "Show": a sync with the client's DEFAULT request budget (only the credential and the base URL are set)
/// against a simulator that enforces a rate limit the client is not told, except in its 429 answers. The budget the
/// client finds should use about 90% of the limit with almost no 429s (L1 on a Medium account and L2 on a small one,
/// both under the Revised limits; L3 on the small one under the Documented limits), and a scheduled run the next day,
/// starting from the limit the first run stored, should draw none (L1). These scenarios run in real time at the API's
/// pace, so they are not part of "all". HOSTAWAYSYNC_BENCH_QUICK=1 swaps every account for a tiny one, to check that
/// the scenarios run end to end.
/// </summary>
public static class RateLimitBenchmarks
{
    /// <summary>The scenario names whose results go to the report's "rate-limit" section.</summary>
    public static IReadOnlyList<string> Scenarios { get; } = ["rate-limit-revised", "rate-limit-small", "rate-limit-documented"];

    /// <summary>
    /// An account whose full sync makes about 1,300 requests: 1,297 measured against an unlimited simulator, seed 42, token
    /// requests included (1,257 of them message pages, one a conversation).
    /// </summary>
    public static DatasetOptions SmallAccount { get; } = new(30, 1_300, 6);

    /// <summary>The account every scenario uses instead of its own when <see cref="QuickVariable"/> is 1.</summary>
    public static DatasetOptions QuickAccount { get; } = new(3, 30, 4);

    /// <summary>Environment variable that swaps every account for <see cref="QuickAccount"/> (a check that the scenarios run, not a measurement).</summary>
    public const string QuickVariable = "HOSTAWAYSYNC_BENCH_QUICK";


    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    private static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) == "1";

    /// <summary>Runs <paramref name="scenario"/>, one of <see cref="Scenarios"/> (the scenario "rate-limit" is the three, in that order).</summary>
    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(string scenario) => scenario switch
    {
        "rate-limit-revised" => [await MeasureAsync(new Case("rate-limit-revised", "L1. Default budget, Revised limits, Medium account", DatasetOptions.Medium, RateLimitPreset.Revised, NextDay: true))],
        "rate-limit-small" => [await MeasureAsync(new Case("rate-limit-small", "L2. Default budget, Revised limits, small account", SmallAccount, RateLimitPreset.Revised, NextDay: false))],
        "rate-limit-documented" => [await MeasureAsync(new Case("rate-limit-documented", "L3. Default budget, Documented limits, small account", SmallAccount, RateLimitPreset.Documented, NextDay: false))],
        _ => throw new ArgumentException($"Unknown rate-limit scenario '{scenario}'."),
    };

    /// <summary>A fresh database, a full sync with the default budget, and (when asked) a scheduled run the next day.</summary>
    private static async Task<BenchmarkResult> MeasureAsync(Case measured)
    {
        var dataset = Quick ? QuickAccount : measured.Dataset;
        var settings = SimulatorSettings.For(measured.Preset) with { Latency = Latency };
        // The binding limit: a request must fit both windows, so the lower one is what the client can use.
        var limit = Math.Min(settings.AccountRequestsPer10Seconds, settings.IpRequestsPer10Seconds);
        var limitPerSecond = limit / 10.0;
        using var folder = new BenchFolder(measured.Scenario);
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 42, Dataset = dataset, Settings = settings });
        var options = SimulatedAccount.DefaultSync(simulator, folder);
        var counts = simulator.GetCounts();
        var account = Invariant($"{counts.Listings:N0} listings, {counts.Reservations:N0} reservations, {counts.Conversations:N0} conversations, {counts.Reviews:N0} reviews{(Quick ? " (QUICK MODE: a tiny account, not a measurement)" : string.Empty)}");
        var limits = Invariant($"{measured.Preset}: {settings.IpRequestsPer10Seconds} per 10 s per IP, {settings.AccountRequestsPer10Seconds} per 10 s per account; {Latency.TotalMilliseconds:0} ms latency");
        Console.WriteLine($"   account: {account}");
        Console.WriteLine($"   simulator: {limits}");

        var full = await RunAsync(simulator, options with { Mode = SyncMode.Full }, "full sync");
        var perSecond = full.Requests / full.Seconds;
        var ratio = perSecond / limitPerSecond;
        var met = full.Status == SyncStatus.Succeeded && ratio >= 0.85 && full.RateLimited <= 3;
        List<Figure> figures =
        [
            Figure.Of("account", account),
            Figure.Of("simulator limits", limits),
            Figure.Of("full sync status", full.Status.ToString()),
            Figure.Of("full sync requests the simulator received (all, token included)", full.Requests),
            Figure.Of("full sync elapsed (s)", full.Seconds, "0.0"),
            Figure.Of("full sync requests/s", perSecond, "0.00"),
            Figure.Of(Invariant($"requests/s ÷ the limit ({limitPerSecond:0.##}/s)"), ratio, "0.000"),
            Figure.Of("429s the simulator sent during the full sync", full.RateLimited),
            Figure.Of("full sync's budget at its end (source; finding)", Budget(full.Result)),
            Figure.Of("  by limit (applied, requests per 10 s: 429s)", full.Refusals),
            Figure.Of("  client's own count: 429s seen, time requests waited for the budget or a 429 (s, summed over requests)", Invariant($"{full.Result.Api.RateLimited:N0}, {full.Result.Api.BudgetWait.TotalSeconds:0.0}")),
        ];
        var headline = Invariant($"{perSecond:0.00} req/s ÷ {limitPerSecond:0.##} = {ratio:0.000}; {full.RateLimited:N0} 429s");
        var target = Invariant($"full sync: requests/s ÷ {limitPerSecond:0.##} ≥ 0.85, ≤ 3 429s, Succeeded");

        if (measured.NextDay)
        {
            // A scheduled run the next day: the changes a day brings, then a run with no mode (the engine chooses
            // incremental for a synced store) on the same database and conversations folder.
            simulator.AdvanceClock(TimeSpan.FromDays(1));
            var changed = Change(simulator, counts);
            Console.WriteLine($"   change: {changed}");
            simulator.ResetStats();
            var next = await RunAsync(simulator, options with { Mode = null }, "next day");
            var (state, stored) = SyncState(options.DatabasePath);
            Console.WriteLine("   sync_state after the next day's run (resource: cursor):");
            foreach (var row in state)
            {
                Console.WriteLine($"     {row.Resource}: {row.Cursor ?? "(null)"}");
            }

            met = met && next.Status == SyncStatus.Succeeded && next.RateLimited == 0 && next.Result.BudgetSource == BudgetSource.Stored;
            figures.AddRange(
            [
                Figure.Of("change, a simulated day after the full sync", changed),
                Figure.Of("next day's run: mode, status", Invariant($"{next.Result.Mode}, {next.Status}")),
                Figure.Of("  requests the simulator received (all, token included)", next.Requests),
                Figure.Of("  elapsed (s)", next.Seconds, "0.0"),
                Figure.Of("  429s the simulator sent", next.RateLimited),
                Figure.Of("  budget (source; finding)", Budget(next.Result)),
                Figure.Of("stored rate limit (sync_state 'rate-limit')", stored ?? "none"),
            ]);
            headline += Invariant($"; next day: {next.RateLimited:N0} 429s in {next.Requests:N0} requests; stored rate limit: {stored ?? "none"}");
            target += "; the next day's run starts at the stored limit (source Stored): 0 429s, Succeeded";
        }

        return new BenchmarkResult(measured.Scenario, figures, target, met)
        {
            Title = measured.Title + " (issue 16)" + (Quick ? " — QUICK MODE" : string.Empty),
            Headline = headline,
            Method = Invariant($"A simulated account (seed 42; {account}) behind the simulator's {limits}; a fresh SQLite database and conversations folder; SyncRunner with the client's DEFAULT settings (HostawayClientOptions with the credential and the base URL only, no RequestsPer10Seconds), so the client is not told the limit: it learns it from how many requests pass in one window and from a 429's X-RateLimit-Limit.")
                + (measured.NextDay ? " Then the simulated clock moves a day, the account changes as a day changes it (reservations updated, new messages, reviews), and a run with no mode (automatic: incremental on a synced store) runs on the same database and folder." : string.Empty),
            Note = "A request is every HTTP request the simulator received during the run, as its counter says: the token request, the data requests, requests answered with a 429 (each retry counts again) and the token revocation when the client is disposed. Elapsed is the wall time of SyncRunner.RunAsync, from the call to its return: opening and migrating the database, the token, every request and every wait, and writing the rows and the files. The 429s are the simulator's exact count of the answers it sent. The limit in the ratio is the lower of the two windows (per IP and per account), since a request must fit both. The stored rate limit is read from the database's sync_state row 'rate-limit' after the runs, when the engine stores one. A ratio far below the target with no 429 at all means the client never went past a fixed budget: before issue 16 the default was 15 requests per 10 s (1.5/s), whatever the account's limit."
                + (Quick ? " QUICK MODE (HOSTAWAYSYNC_BENCH_QUICK=1): the account was swapped for a tiny one; these figures only show that the scenario runs." : string.Empty),
        };
    }

    /// <summary>One run, timed, and the simulator's counts since its last reset.</summary>
    private static async Task<Run> RunAsync(HostawaySimulator simulator, SyncOptions options, string label)
    {
        var clock = Stopwatch.StartNew();
        var result = await SyncRunner.RunAsync(options);
        var seconds = clock.Elapsed.TotalSeconds;
        var stats = simulator.GetStats();
        var refusals = stats.RateLimitRefusals.Count == 0 ? "none"
            : string.Join("; ", stats.RateLimitRefusals.GroupBy(r => (r.Applied, r.Limit)).Select(g => Invariant($"{g.Key.Applied}, {g.Key.Limit}: {g.Count():N0}")))
                + (stats.RateLimited > stats.RateLimitRefusals.Count ? Invariant($" (of the latest {stats.RateLimitRefusals.Count:N0} the simulator keeps)") : string.Empty);
        Console.WriteLine(Invariant($"   {label}: {result.Status}, {stats.Requests:N0} requests, {seconds:0.0} s, {stats.Requests / seconds:0.00} req/s, {stats.RateLimited:N0} 429s ({refusals}); client: {result.Api.Requests:N0} requests, {result.Api.RateLimited:N0} 429s, {result.Api.BudgetWait.TotalSeconds:0.0} s waited (summed over requests)"));
        foreach (var refusal in stats.RateLimitRefusals.Take(5))
        {
            Console.WriteLine(Invariant($"     429 at {refusal.SentAt:HH:mm:ss.fff}: {refusal.Applied} limit {refusal.Limit}, {refusal.Endpoint}"));
        }

        return new Run(result, stats.Requests, seconds, stats.RateLimited, refusals);
    }

    /// <summary>A day's changes, as in the reviews benchmark (V1): reviews, reservations and messages, at least one of each.</summary>
    private static string Change(HostawaySimulator simulator, GroundTruthCounts counts)
    {
        var reviews = simulator.Mutate(new MutationRequest
        {
            NewReviews = Math.Max(1, counts.Reviews / 200), AdvancedReviews = Math.Max(1, counts.Reviews / 200), HostResponses = Math.Max(1, counts.Reviews / 500),
            DeletedReviews = Math.Min(5, counts.Reviews / 10), Seed = 14,
        });
        var reservations = Math.Max(1, counts.Reservations / 200);
        simulator.Mutate(new MutationRequest { UpdatedReservations = reservations, NewMessages = reservations, Seed = 15 });
        return Invariant($"{reviews.NewReviewIds.Count:N0} new reviews, {reviews.AdvancedReviewIds.Count:N0} moved along their lifecycle, {reviews.RespondedReviewIds.Count:N0} host responses, {reviews.DeletedReviewIds.Count:N0} deleted; {reservations:N0} reservations updated, {reservations:N0} new messages");
    }

    /// <summary>Every sync_state row (resource, cursor or checkpoint), and the rate-limit row's finding in words, or null when there is none.</summary>
    private static (IReadOnlyList<(string Resource, string? Cursor)> Rows, string? RateLimit) SyncState(string databasePath)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        var rows = db.Query<(string Resource, string? Cursor)>("SELECT resource, coalesce(cursor, checkpoint) FROM sync_state ORDER BY resource;").ToList();
        var state = RateLimitState.FromJson(rows.Where(r => r.Resource == RateLimitState.StateName).Select(r => r.Cursor).FirstOrDefault());
        return (rows, state?.Finding?.Describe());
    }

    /// <summary>The budget a run ended with, where it came from, and what it knew of the limit.</summary>
    private static string Budget(SyncRunResult result) =>
        Invariant($"{result.RequestsPer10Seconds} per 10 s ({result.BudgetSource}){(result.RateLimit is { } found ? "; " + found.Describe() : string.Empty)}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One scenario: its account and the simulator's rate-limit preset, and whether a next-day run follows.</summary>
    private sealed record Case(string Scenario, string Title, DatasetOptions Dataset, RateLimitPreset Preset, bool NextDay);

    /// <summary>A run's result and what the simulator counted during it.</summary>
    private sealed record Run(SyncRunResult Result, long Requests, double Seconds, long RateLimited, string Refusals)
    {
        public SyncStatus Status => Result.Status;
    }
}
