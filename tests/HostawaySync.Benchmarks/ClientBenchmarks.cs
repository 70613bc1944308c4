using System.Diagnostics;
using System.Globalization;
using HostawaySync.Engine.Api;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>How well the API client uses its rate budget, and whether it stays under a strict server limit.</summary>
public static class ClientBenchmarks
{
    /// <summary>
    /// 200 ms simulated latency, a budget of 20 requests/s (200 per 10 s) on both sides: fetch message pages of
    /// many conversations from 16 concurrent consumers; report achieved requests/s ÷ budget and 429s.
    /// </summary>
    public static async Task<BenchmarkResult> BudgetUseAsync(int conversations = 900)
    {
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 200, IpRequestsPer10Seconds = 200, Latency = TimeSpan.FromMilliseconds(200) };
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 42, Dataset = DatasetOptions.Medium, Settings = settings });
        var ids = simulator.GetCounts().SentMessagesByConversation.Keys.Order().Take(conversations).ToList();
        using var client = new HostawayClient(SimulatedAccount.DefaultClient(simulator) with { RequestsPer10Seconds = 200 });

        var (elapsed, requests) = await FetchMessagesAsync(client, ids, consumers: 16);

        var stats = simulator.GetStats();
        var perSecond = requests / elapsed.TotalSeconds;
        var ratio = perSecond / 20.0;
        return new BenchmarkResult("client-budget",
        [
            Figure.Of("requests", requests),
            Figure.Of("elapsed (s)", elapsed.TotalSeconds, "0.0"),
            Figure.Of("achieved requests/s", perSecond, "0.00"),
            Figure.Of("achieved ÷ budget (20/s)", ratio, "0.000"),
            Figure.Of("429s drawn", stats.RateLimited),
            Figure.Of("peak concurrent requests", stats.PeakConcurrentRequests),
        ], "achieved ÷ budget ≥ 0.90 and 0 429s", ratio >= 0.90 && stats.RateLimited == 0)
        {
            Title = "2. Rate-budget use",
            Headline = string.Create(CultureInfo.InvariantCulture, $"achieved ÷ budget = {ratio:0.000}; {stats.RateLimited} 429s"),
            Method = string.Create(CultureInfo.InvariantCulture, $"Simulated latency 200 ms; the simulator enforces 200 requests per 10 s per account and per IP; the client's budget is the same 200 per 10 s. 16 consumers page the messages of {ids.Count} conversations of a Medium account through one client."),
        };
    }

    /// <summary>
    /// A client with the default (auto) budget and nothing known, outside a sync (no probe: what a client starts with before
    /// any run found the limit, 14 per 10 s) against a simulator that enforces exactly 15 per 10 s per IP: no 429.
    /// </summary>
    public static async Task<BenchmarkResult> DefaultBudgetAsync(int conversations = 70)
    {
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 20, IpRequestsPer10Seconds = 15, Latency = TimeSpan.FromMilliseconds(20) };
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 43, Dataset = DatasetOptions.Small, Settings = settings });
        var ids = simulator.GetCounts().SentMessagesByConversation.Keys.Order().Take(conversations).ToList();
        using var client = new HostawayClient(SimulatedAccount.DefaultClient(simulator));

        var (elapsed, requests) = await FetchMessagesAsync(client, ids, consumers: 8);

        var stats = simulator.GetStats();
        return new BenchmarkResult("client-default",
        [
            Figure.Of("requests", requests),
            Figure.Of("elapsed (s)", elapsed.TotalSeconds, "0.0"),
            Figure.Of("achieved requests per 10 s", requests / elapsed.TotalSeconds * 10, "0.00"),
            Figure.Of("429s drawn", stats.RateLimited),
        ], "0 429s", stats.RateLimited == 0)
        {
            Title = "Default budget against a strict server",
            Method = "A client with the default (auto) budget, nothing known and no probe (14 per 10 s, under the lowest published 15) against a simulator that allows exactly 15 per 10 s per IP (20 ms latency). Issue 16's L1-L3 measure the auto budget's discovery in a sync.",
        };
    }

    private static async Task<(TimeSpan Elapsed, long Requests)> FetchMessagesAsync(HostawayClient client, IReadOnlyList<long> conversationIds, int consumers)
    {
        // Mint the token first so the measured span is steady paging, not the token warm-up.
        await client.GetCountAsync(ApiResource.Listings);
        var before = client.Statistics.Requests;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, consumers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < conversationIds.Count; i = Interlocked.Increment(ref next))
            {
                await foreach (var message in client.GetMessagesAsync(conversationIds[i]))
                {
                    GC.KeepAlive(message);
                }
            }
        }));
        return (clock.Elapsed, client.Statistics.Requests - before);
    }
}
