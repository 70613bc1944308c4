using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Chaos;

/// <summary>3. Every access token is revoked several times during a sync: each time the client must mint one new token and carry on.</summary>
public static class TokenRevocationScenario
{
    private const string MessagesActivity = "Fetching messages";

    public static async Task RunAsync(ScenarioReport report)
    {
        await using var harness = await SyncHarness.StartAsync(63, DatasetOptions.Small);
        var options = harness.Options(SyncMode.Full, ChaosClient.Defaults);
        var revocations = 0;
        void Revoke()
        {
            harness.Simulator.RevokeAllTokens();
            Interlocked.Increment(ref revocations);
        }

        // Points in every phase, three while message pages are fetched 8 at a time (so several requests meet the revoked token
        // at once), each well before the phase ends so that requests follow it.
        var counts = harness.Simulator.GetCounts();
        var trigger = new ProgressTrigger()
            .At(SyncResources.Listings, 1, Revoke)
            .At(SyncResources.Reservations, counts.Reservations / 2, Revoke)
            .At(SyncResources.Conversations, counts.Conversations / 5, Revoke, MessagesActivity)
            .At(SyncResources.Conversations, counts.Conversations / 2, Revoke, MessagesActivity)
            .At(SyncResources.Conversations, counts.Conversations * 4 / 5, Revoke, MessagesActivity);
        report.Setup = "Small account, no rate limits, simulator token warm-up 1 s (a new token is refused for a second, as the API does). "
            + "All tokens revoked 5 times during one full sync: once in listings, once in reservations, three times while messages are fetched 8 at a time (at 20%, 50% and 80% of the conversations). "
            + ChaosClient.Describe(options.Client) + ".";

        var result = await SyncRunner.RunAsync(options, progress: trigger);
        var stats = harness.Simulator.GetStats();
        report.Rows.Add(new ReportRow()
            .Add("revocations", revocations)
            .Add("status", result.Status.ToString())
            .Add("tokens minted (client)", result.Api.TokensIssued)
            .Add("tokens issued (server)", stats.TokensIssued)
            .Add("tokens live after (server)", stats.LiveTokens)
            .Add("403s drawn", stats.Forbidden)
            .Add("requests (client)", result.Api.Requests)
            .Add("retries", result.Api.Retries)
            .Add("seconds", Math.Round(result.Duration.TotalSeconds, 1)));

        var snapshot = report.Integrity(harness, "after the run");
        report.Expect("the run ends Succeeded", result.Status == SyncStatus.Succeeded, $"{result.Status} {result.Error?.ErrorId} {result.Error?.Message}");
        report.Expect("every revocation happened mid-run", revocations == 5, $"{revocations} of 5 revocations fired");
        report.Expect("one new token per revocation, however many requests were in flight", stats.TokensIssued == revocations + 1, $"{stats.TokensIssued} tokens for {revocations} revocations");
        report.Expect("no token left live: the run revokes the one it minted last (issue 13)", stats.LiveTokens == 0, $"{stats.LiveTokens} live tokens");
        report.EqualsTruth(harness, "after the run");

        var again = await harness.RunAsync(SyncMode.Incremental);
        report.NothingLost(snapshot, report.Integrity(harness, "after a clean run"), "run -> clean run");
        report.Expect("the run ends Succeeded", again.Status == SyncStatus.Succeeded, $"clean run: {again.Status} {again.Error?.ErrorId}");
    }
}
