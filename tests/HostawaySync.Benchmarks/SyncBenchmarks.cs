using System.Diagnostics;
using System.Globalization;
using System.Net;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>Request economy of the sync engine: requests used ÷ the minimum possible, for a full and an incremental sync.</summary>
public static class SyncBenchmarks
{
    public static async Task<BenchmarkResult> EconomyAsync(DatasetOptions dataset, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hostawaysync-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0 };
            await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 42, Dataset = dataset, Settings = settings });
            var options = new SyncOptions
            {
                DatabasePath = Path.Combine(folder, "hostaway.db"),
                ConversationsPath = Path.Combine(folder, "conversations"),
                Client = new HostawayClientOptions
                {
                    Credential = new NetworkCredential(simulator.AccountId.ToString(CultureInfo.InvariantCulture), simulator.ClientSecret),
                    BaseUrl = simulator.BaseUrl,
                    RequestsPer10Seconds = 1_000_000,
                },
            };
            var counts = simulator.GetCounts();
            var minimum = MinimumRequests(simulator, counts);

            var clock = Stopwatch.StartNew();
            var full = await SyncRunner.RunAsync(options with { Mode = SyncMode.Full });
            var fullSeconds = clock.Elapsed.TotalSeconds;
            var fullRequests = DataRequests(simulator.GetStats());

            simulator.ResetStats();
            var changed = Math.Max(1, counts.Reservations / 100);
            simulator.Mutate(new MutationRequest { UpdatedReservations = changed / 2, NewMessages = changed - (changed / 2), Seed = 7 });
            var incremental = await SyncRunner.RunAsync(options with { Mode = SyncMode.Incremental });
            var incrementalRequests = DataRequests(simulator.GetStats());

            var fullRatio = (double)fullRequests / minimum;
            var incrementalRatio = (double)incrementalRequests / fullRequests;
            return new BenchmarkResult(name,
            [
                new("account", $"{counts.Listings} listings, {counts.Reservations} reservations, {counts.Conversations} conversations, {counts.Messages} messages"),
                new("full sync status", full.Status.ToString()),
                new("full sync time (s)", fullSeconds.ToString("0.0", CultureInfo.InvariantCulture)),
                new("minimum requests", minimum.ToString(CultureInfo.InvariantCulture)),
                new("full sync requests (without token)", fullRequests.ToString(CultureInfo.InvariantCulture)),
                new("full ÷ minimum", fullRatio.ToString("0.0000", CultureInfo.InvariantCulture)),
                new("changes (1% of reservations)", changed.ToString(CultureInfo.InvariantCulture)),
                new("incremental status", incremental.Status.ToString()),
                new("incremental requests", incrementalRequests.ToString(CultureInfo.InvariantCulture)),
                new("incremental ÷ full", incrementalRatio.ToString("0.0000", CultureInfo.InvariantCulture)),
            ], "full ÷ minimum <= 1.02 and incremental ÷ full <= 0.05",
            full.Status == SyncStatus.Succeeded && incremental.Status == SyncStatus.Succeeded && fullRatio <= 1.02 && incrementalRatio <= 0.05);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Listing pages + reservation pages + conversation pages + message pages of every conversation (scheduled ones included).</summary>
    private static long MinimumRequests(HostawaySimulator simulator, GroundTruthCounts counts)
    {
        static long Pages(long items) => Math.Max(1, (items + 99) / 100);
        var truth = simulator.GetGroundTruth();
        var messagePages = truth.Conversations.Sum(c => Pages(truth.MessagesByConversation.TryGetValue((long)c["id"]!, out var m) ? m.Count : 0));
        return Pages(counts.Listings) + Pages(counts.Reservations) + Pages(counts.Conversations) + messagePages;
    }

    private static long DataRequests(SimulatorStats stats) => stats.Requests - stats.RequestsByEndpoint.GetValueOrDefault("POST /v1/accessTokens");
}
