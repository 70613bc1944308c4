using System.Diagnostics;
using System.Globalization;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Request economy of the sync engine on one account: a full sync's requests ÷ the minimum possible (item 1), then,
/// after 1% of the reservations changed, the incremental sync's requests ÷ the full sync's, and whether the database
/// then equals the ground truth (item 3). No faults, no latency, no rate limits, a budget that never binds.
/// </summary>
public static class SyncBenchmarks
{
    /// <summary>The issue's floor for item 1: at least 500 listings, 50,000 reservations and 500,000 messages.</summary>
    public static DatasetOptions LargeAccount { get; } = new(500, 50_000, 11);

    public static async Task<IReadOnlyList<BenchmarkResult>> EconomyAsync(DatasetOptions dataset, string name)
    {
        using var folder = new BenchFolder(name);
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 42, Dataset = dataset, Settings = SimulatedAccount.Unlimited });
        var options = SimulatedAccount.Sync(simulator, folder);
        var counts = simulator.GetCounts();
        var minimum = await MinimumRequestsAsync(simulator, counts);
        var account = string.Create(CultureInfo.InvariantCulture, $"{counts.Listings:N0} listings, {counts.Reservations:N0} reservations, {counts.Conversations:N0} conversations, {counts.Messages:N0} messages");
        Console.WriteLine($"   account: {account}");

        var clock = Stopwatch.StartNew();
        var full = await SyncRunner.RunAsync(options with { Mode = SyncMode.Full });
        var fullSeconds = clock.Elapsed.TotalSeconds;
        var fullRequests = DataRequests(simulator.GetStats());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   full sync: {full.Status}, {fullRequests:N0} requests, {fullSeconds:0.0} s"));

        simulator.ResetStats();
        var changed = Math.Max(1, counts.Reservations / 100);
        simulator.Mutate(new MutationRequest { UpdatedReservations = changed / 2, NewMessages = changed - (changed / 2), Seed = 7 });
        clock.Restart();
        var incremental = await SyncRunner.RunAsync(options with { Mode = SyncMode.Incremental });
        var incrementalSeconds = clock.Elapsed.TotalSeconds;
        var incrementalRequests = DataRequests(simulator.GetStats());
        var comparison = await GroundTruthCheck.CompareAsync(simulator, options.DatabasePath);
        var equal = comparison.All(t => t.Equal);

        var fullRatio = (double)fullRequests / minimum;
        var incrementalRatio = (double)incrementalRequests / fullRequests;
        var large = counts.Listings >= 500 && counts.Reservations >= 50_000 && counts.Messages >= 500_000;
        var economy = new BenchmarkResult("sync-economy",
        [
            Figure.Of("account", account),
            Figure.Of("meets the issue's size (≥ 500 / 50,000 / 500,000)", large ? "yes" : "no"),
            Figure.Of("full sync status", full.Status.ToString()),
            Figure.Of("full sync wall time (s)", fullSeconds, "0.0"),
            .. full.Resources.Select(r => Figure.Of($"  {r.Resource}: requests, seconds", string.Create(CultureInfo.InvariantCulture, $"{r.Requests:N0}, {r.Duration.TotalSeconds:0.0}"))),
            Figure.Of("minimum requests", minimum),
            Figure.Of("full sync requests (token excluded)", fullRequests),
            Figure.Of("full ÷ minimum", fullRatio, "0.0000"),
        ], "full ÷ minimum ≤ 1.02 with no faults", full.Status == SyncStatus.Succeeded && large && fullRatio <= 1.02)
        {
            Title = "1. Request economy",
            Headline = string.Create(CultureInfo.InvariantCulture, $"full ÷ minimum = {fullRatio:0.0000} ({fullRequests:N0} requests, minimum {minimum:N0})"),
            Method = "A full sync (SyncRunner, conversations and messages included) of a simulated account with no faults, no latency, no rate limit and an unlimited client budget. Minimum = pages of listings + pages of reservations + pages of conversations + for each conversation the pages of its messages (scheduled ones included, as a sync asks for them), 100 items a page. Requests are counted by the simulator, the token request excluded.",
        };
        var incrementalResult = new BenchmarkResult(name + "-incremental",
        [
            Figure.Of("changes (1% of reservations)", string.Create(CultureInfo.InvariantCulture, $"{changed / 2:N0} reservations updated, {changed - (changed / 2):N0} new messages")),
            Figure.Of("incremental status", incremental.Status.ToString()),
            Figure.Of("incremental wall time (s)", incrementalSeconds, "0.0"),
            Figure.Of("incremental requests", incrementalRequests),
            Figure.Of("incremental ÷ full", incrementalRatio, "0.0000"),
            Figure.Of("database equal to the ground truth", equal ? "yes" : "no"),
            .. comparison.Select(t => Figure.Of(
                $"  {t.Table}: API, stored, missing, extra, differing",
                string.Create(CultureInfo.InvariantCulture, $"{t.Truth:N0}, {t.Stored:N0}, {t.Missing}, {t.Extra}, {t.Differ}"))),
        ], "incremental ÷ full ≤ 0.05 and the database equal to the ground truth", incremental.Status == SyncStatus.Succeeded && incrementalRatio <= 0.05 && equal)
        {
            Title = "3. Incremental cost",
            Headline = string.Create(CultureInfo.InvariantCulture, $"incremental ÷ full = {incrementalRatio:0.0000}; database equal to the ground truth: {(equal ? "yes" : "no")}"),
            Method = "On the same account after item 1: 1% of the reservations change (half of them updated, half receiving a new message, so their conversations change too), then an incremental sync. Then the database is compared with the simulator's ground truth: live listings and reservations (ids and JSON), live conversations (ids) and every message id of every conversation.",
        };
        return [economy, incrementalResult];
    }

    /// <summary>Listing pages + reservation pages + conversation pages + message pages of every conversation (scheduled ones included).</summary>
    private static async Task<long> MinimumRequestsAsync(HostawaySimulator simulator, GroundTruthCounts counts)
    {
        static long Pages(long items) => Math.Max(1, (items + 99) / 100);
        var perConversation = (await GroundTruthFeed.MessageKeysAsync(simulator)).CountBy(m => m.ConversationId).ToDictionary(p => p.Key, p => p.Value);
        var messagePages = counts.SentMessagesByConversation.Keys.Sum(id => Pages(perConversation.GetValueOrDefault(id)));
        return Pages(counts.Listings) + Pages(counts.Reservations) + Pages(counts.Conversations) + messagePages;
    }

    /// <summary>Requests the simulator counted, minting and revoking tokens excluded.</summary>
    public static long DataRequests(SimulatorStats stats) => stats.DataRequests();
}
