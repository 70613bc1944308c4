using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Chaos;

/// <summary>1. A full sync, then an incremental one after a mutation, at 0%, 5% and 20% injected faults of every kind.</summary>
public static class FaultSweepScenario
{
    private static readonly double[] Rates = [0, 0.05, 0.20];

    public static async Task RunAsync(ScenarioReport report)
    {
        var stall = TimeSpan.FromSeconds(5);
        foreach (var rate in Rates)
        {
            var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, FaultRate = rate, Faults = FaultKinds.All, StallDuration = stall };
            await using var harness = await SyncHarness.StartAsync(61, DatasetOptions.Small, settings);
            var label = $"{rate:0%}";
            report.Setup = "Small account (20 listings, 300 reservations, ~6 messages per conversation), no rate limits, faults of every kind the simulator has: "
                + $"HTTP 500/502/503, truncated bodies, connection resets, and stalls that hold a request {stall.TotalSeconds:0} s, past the client's per-attempt timeout. "
                + "Full sync, then a mutation (10 updated, 5 new and 3 cancelled reservations, 30 new messages, 2 edited listings, 1 new listing), then an incremental sync. "
                + ChaosClient.Describe(harness.Options(SyncMode.Full, ChaosClient.Defaults).Client) + ".";

            var full = await SyncRunner.RunAsync(harness.Options(SyncMode.Full, ChaosClient.Defaults));
            var fullStats = harness.Simulator.GetStats();
            report.Rows.Add(Row(label, full, fullStats));
            var afterFull = report.Integrity(harness, $"{label} full");
            report.Expect("every run ends Succeeded", full.Status == SyncStatus.Succeeded, $"{label} full: {full.Status} {full.Error?.ErrorId} {full.Error?.Message}");
            report.EqualsTruth(harness, $"{label} after the full sync");

            harness.Simulator.ResetStats();
            harness.Simulator.Mutate(new MutationRequest { UpdatedReservations = 10, NewReservations = 5, CancelledReservations = 3, NewMessages = 30, UpdatedListings = 2, NewListings = 1, Seed = 610 });
            var incremental = await SyncRunner.RunAsync(harness.Options(SyncMode.Incremental, ChaosClient.Defaults));
            report.Rows.Add(Row(label, incremental, harness.Simulator.GetStats()));
            var afterIncremental = report.Integrity(harness, $"{label} incremental");
            report.NothingLost(afterFull, afterIncremental, $"{label} full -> incremental");
            report.Expect("every run ends Succeeded", incremental.Status == SyncStatus.Succeeded, $"{label} incremental: {incremental.Status} {incremental.Error?.ErrorId} {incremental.Error?.Message}");
            report.EqualsTruth(harness, $"{label} after the incremental sync");
            if (rate > 0)
            {
                report.Expect("faults were really injected, and retried, at every non-zero rate", fullStats.FaultsInjected > 0 && full.Api.Retries > 0, $"{label}: {fullStats.FaultsInjected} faults, {full.Api.Retries} retries");
            }
        }
    }

    private static ReportRow Row(string rate, SyncRunResult result, SimulatorStats stats) => new ReportRow()
        .Add("fault rate", rate)
        .Add("run", result.Mode.ToString())
        .Add("status", result.Status.ToString())
        .Add("requests (client)", result.Api.Requests)
        .Add("requests (server)", stats.Requests)
        .Add("faults injected", stats.FaultsInjected)
        .Add("faults by kind", string.Join(", ", stats.FaultsByKind.Where(k => k.Value > 0).OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")))
        .Add("retries", result.Api.Retries)
        .Add("transient failures", result.Api.TransientFailures)
        .Add("429s", stats.RateLimited)
        .Add("seconds", Math.Round(result.Duration.TotalSeconds, 1));
}
