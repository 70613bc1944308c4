using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Chaos;

/// <summary>2. The server allows far fewer requests than the client's budget: the client must back off on 429s, not give up.</summary>
public static class RateLimitStormScenario
{
    private const int ServerLimit = 12;
    private const int ClientBudget = 200;

    // Every request the storm lets through costs about 0.8 s, so the account is kept small enough for minutes, not hours.
    private static readonly DatasetOptions Account = new(6, 60, 6);

    public static async Task RunAsync(ScenarioReport report)
    {
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = ServerLimit, IpRequestsPer10Seconds = 0 };
        await using var harness = await SyncHarness.StartAsync(62, Account, settings);
        var options = harness.Options(SyncMode.Full, c => ChaosClient.Defaults(c) with { RequestsPer10Seconds = ClientBudget });
        report.Setup = $"Account of {Account.Listings} listings and {Account.Reservations} reservations (at {ServerLimit} requests per 10 s a Small account's ~330 requests would take 5 minutes alone). "
            + $"Simulator account limit {ServerLimit} requests per 10 s for the whole run; client budget {ClientBudget} per 10 s, so the client draws 429s until it follows the server's retry headers. "
            + ChaosClient.Describe(options.Client) + ".";

        var result = await SyncRunner.RunAsync(options);
        var stats = harness.Simulator.GetStats();
        var served = stats.Requests - stats.RateLimited;
        report.Rows.Add(new ReportRow()
            .Add("server limit /10 s", ServerLimit)
            .Add("client budget /10 s", ClientBudget)
            .Add("status", result.Status.ToString())
            .Add("requests (client)", result.Api.Requests)
            .Add("requests (server)", stats.Requests)
            .Add("429s drawn", stats.RateLimited)
            .Add("429s seen by client", result.Api.RateLimited)
            .Add("retries", result.Api.Retries)
            .Add("requests served", served)
            .Add("429s per served request", Math.Round((double)stats.RateLimited / Math.Max(1, served), 2))
            .Add("seconds", Math.Round(result.Duration.TotalSeconds, 1)));

        var snapshot = report.Integrity(harness, "after the storm");
        report.Expect("the run ends Succeeded despite the storm", result.Status == SyncStatus.Succeeded, $"{result.Status} {result.Error?.ErrorId} {result.Error?.Message}");
        report.Expect("the storm really happened (429s drawn)", stats.RateLimited > 0, $"{stats.RateLimited} 429s");
        report.EqualsTruth(harness, "after the storm");

        // A clean run after the storm changes nothing that was stored.
        harness.Simulator.UpdateSettings(s => s with { AccountRequestsPer10Seconds = 0 });
        var clean = await harness.RunAsync(SyncMode.Incremental);
        var after = report.Integrity(harness, "after the clean run");
        report.NothingLost(snapshot, after, "storm -> clean run");
        report.Expect("the run ends Succeeded despite the storm", clean.Status == SyncStatus.Succeeded, $"clean run: {clean.Status} {clean.Error?.ErrorId}");
        report.EqualsTruth(harness, "after the clean run");
    }
}
