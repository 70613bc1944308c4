using System.Diagnostics;
using System.Globalization;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Item 7: the same account synced the naive way (<see cref="NaiveSyncer"/>) and by the engine, each against its own
/// simulator (same seed, same data) at 200 ms latency and a budget of 20 requests/s enforced by the simulator.
/// </summary>
public static class NaiveBenchmarks
{
    private static readonly SimulatorSettings Settings = new()
    {
        AccountRequestsPer10Seconds = 200, IpRequestsPer10Seconds = 200, Latency = TimeSpan.FromMilliseconds(200),
    };

    public static async Task<BenchmarkResult> AgainstNaiveAsync(DatasetOptions? dataset = null)
    {
        dataset ??= new DatasetOptions(30, 450, 6);
        var options = new SimulatorOptions { Seed = 47, Dataset = dataset, Settings = Settings };

        using var naiveFolder = new BenchFolder("naive");
        await using var naiveSimulator = await HostawaySimulator.StartAsync(options);
        var counts = naiveSimulator.GetCounts();
        var clock = Stopwatch.StartNew();
        using var naive = new NaiveSyncer(naiveSimulator.BaseUrl, naiveFolder.Combine("naive.db"), requestsPerSecond: 20);
        await naive.RunAsync(naiveSimulator.AccountId, naiveSimulator.ClientSecret);
        var naiveSeconds = clock.Elapsed.TotalSeconds;
        var naiveStats = naiveSimulator.GetStats();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   naive: {naiveSeconds:0.0} s, {naive.Requests} requests, {naive.Rows} rows"));

        using var oursFolder = new BenchFolder("ours");
        await using var oursSimulator = await HostawaySimulator.StartAsync(options);
        clock.Restart();
        var ours = await SyncRunner.RunAsync(SimulatedAccount.Sync(oursSimulator, oursFolder, requestsPer10Seconds: 200) with { Mode = SyncMode.Full });
        var oursSeconds = clock.Elapsed.TotalSeconds;
        var oursStats = oursSimulator.GetStats();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   ours: {oursSeconds:0.0} s, {oursStats.Requests} requests, {ours.Status}"));

        var ratio = naiveSeconds / oursSeconds;
        return new BenchmarkResult("naive",
        [
            Figure.Of("account", string.Create(CultureInfo.InvariantCulture, $"{counts.Listings} listings, {counts.Reservations} reservations, {counts.Conversations} conversations, {counts.Messages:N0} messages")),
            Figure.Of("naive: wall time (s)", naiveSeconds, "0.0"),
            Figure.Of("naive: requests, 429s, rows stored", string.Create(CultureInfo.InvariantCulture, $"{naiveStats.Requests:N0}, {naiveStats.RateLimited}, {naive.Rows:N0}")),
            Figure.Of("ours: wall time (s)", oursSeconds, "0.0"),
            Figure.Of("ours: requests, 429s, status", string.Create(CultureInfo.InvariantCulture, $"{oursStats.Requests:N0}, {oursStats.RateLimited}, {ours.Status}")),
            Figure.Of("naive ÷ ours (wall time)", ratio, "0.00"),
        ], "none set (expected > 1)", ours.Status == SyncStatus.Succeeded ? null : false)
        {
            Title = "7. Against the naive design",
            Headline = string.Create(CultureInfo.InvariantCulture, $"naive ÷ ours = {ratio:0.00} ({naiveSeconds:0} s against {oursSeconds:0} s)"),
            Note = "Both make about the same number of requests; the naive design waits out the 200 ms latency of each one in turn (about 4 of the 20 requests/s it may use) and commits every row on its own, while the engine keeps several requests in flight up to the budget and stores a page, or a conversation, per transaction.",
            Method = "Each against its own simulator (same seed, same account) at 200 ms latency, limits of 200 requests per 10 s per account and per IP. Naive (benchmark code, tests/HostawaySync.Benchmarks/NaiveSyncer.cs): sequential requests with a plain HttpClient and a client-side limiter of 20 requests/s; listings, then each listing's reservations (listingId filter), then conversations, then each conversation's messages; every row INSERT OR REPLACE in its own autocommitted statement. Ours: SyncRunner, full sync, budget 200 requests per 10 s, conversation files included.",
        };
    }
}
