using Dapper;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>
/// The auto budget against a simulator enforcing each published set of limits, in real time: the run that finds the limit
/// draws at most one 429 (none at the revised 200), stores what it found with the sync state, and the next run starts there
/// with none. A set budget turns discovery off and is never exceeded.
/// </summary>
public sealed class RateLimitDiscoveryTests
{
    /// <summary>A few dozen requests: more than the lowest published limit allows in one window.</summary>
    private static readonly DatasetOptions Small = new(1, 8, 4);

    /// <summary>About 30 requests: past both documented limits in the first window.</summary>
    private static readonly DatasetOptions Documented = new(2, 16, 4);

    private static SimulatorSettings Preset(RateLimitPreset preset) =>
        SimulatorSettings.For(preset) with { Latency = TimeSpan.FromMilliseconds(20), TokenWarmup = TimeSpan.Zero };

    private static SyncOptions Auto(SyncHarness harness, SyncMode? mode = null) =>
        harness.Options(mode, o => o with { RequestsPer10Seconds = null, TokenWarmup = TimeSpan.Zero });

    private static RateLimitFinding? Stored(SyncHarness harness)
    {
        using var connection = harness.Open();
        return RateLimitState.FromJson(connection.QuerySingleOrDefault<string?>(
            "SELECT checkpoint FROM sync_state WHERE resource = @Resource;", new { Resource = RateLimitState.StateName }))?.Finding;
    }

    [Fact]
    public async Task Under_the_documented_limits_the_first_run_draws_one_429_and_the_next_run_none()
    {
        await using var harness = await SyncHarness.StartAsync(1601, Documented, Preset(RateLimitPreset.Documented));

        var first = await SyncRunner.RunAsync(Auto(harness, SyncMode.Full));

        Assert.Equal(SyncStatus.Succeeded, first.Status);
        var stats = harness.Simulator.GetStats();
        Assert.Equal(1, stats.RateLimited);
        Assert.Equal("ip", stats.RateLimitRefusals.Single().Applied);
        Assert.Equal(BudgetSource.Discovered, first.BudgetSource);
        Assert.Equal(14, first.RequestsPer10Seconds);
        var stored = Stored(harness);
        Assert.NotNull(stored);
        Assert.Equal((15, RateLimitBasis.Header, "ip"), (stored.Limit, stored.Basis, stored.Applied));
        using (var connection = harness.Open())
        {
            // The sync log records each row's pace: the run's and its last pass's budget is the one found.
            var logged = connection.Query<(string Resource, int? Budget, string? Source, long RateLimited)>(
                "SELECT resource, requests_per_10s, rate_limit_source, rate_limited FROM sync_logs ORDER BY sync_log_id;").ToList();
            Assert.Equal((14, "Discovered", 1L), (logged[0].Budget, logged[0].Source, logged[0].RateLimited));
            Assert.All(logged, row => Assert.NotNull(row.Budget));
        }

        harness.AssertEqualsGroundTruth();

        harness.Simulator.ResetStats();
        harness.Simulator.Mutate(new MutationRequest { NewMessages = 3, Seed = 3 });
        var second = await SyncRunner.RunAsync(Auto(harness, SyncMode.Full));

        Assert.Equal(SyncStatus.Succeeded, second.Status);
        Assert.Equal(0, harness.Simulator.GetStats().RateLimited);
        Assert.Equal(BudgetSource.Stored, second.BudgetSource);
        Assert.Equal(14, second.RequestsPer10Seconds);
        Assert.Equal(stored, Stored(harness));
    }

    [Fact]
    public async Task Under_the_revised_limits_the_probe_draws_no_429_and_settles_on_200()
    {
        await using var harness = await SyncHarness.StartAsync(1602, new DatasetOptions(3, 200, 4), Preset(RateLimitPreset.Revised));

        var first = await SyncRunner.RunAsync(Auto(harness, SyncMode.Full));

        Assert.Equal(SyncStatus.Succeeded, first.Status);
        var refusals = harness.Simulator.GetStats().RateLimitRefusals;
        Assert.True(refusals.Count == 0, string.Join("\n", refusals.Select(r => $"{r.SentAt:HH:mm:ss.fff} {r.Applied} {r.Limit} {r.Endpoint}")) + $" budget {first.RequestsPer10Seconds} {first.BudgetSource} {first.RateLimit} requests {first.Api.Requests} in {first.Duration}");
        Assert.True(first.Api.Requests > RatePolicy.ProbeConfirms, $"{first.Api.Requests} requests cannot settle the probe");
        Assert.Equal(BudgetSource.Discovered, first.BudgetSource);
        Assert.Equal(RatePolicy.Spend(RatePolicy.HighestPublished), first.RequestsPer10Seconds);
        var stored = Stored(harness);
        Assert.Equal((RatePolicy.HighestPublished, RateLimitBasis.Probe), (stored?.Limit, stored?.Basis));

        // Stored at the highest published limit: never probed again, even long after.
        Assert.False(RatePolicy.ShouldProbe(stored, 10_000, stored!.FoundAt.AddDays(365)));
    }

    [Fact]
    public async Task A_set_budget_turns_discovery_off_and_is_never_exceeded()
    {
        // The server allows exactly the budget: one request over it in any window would draw a 429.
        var settings = new SimulatorSettings { AccountRequestsPer10Seconds = 8, IpRequestsPer10Seconds = 0, TokenWarmup = TimeSpan.Zero, Latency = TimeSpan.FromMilliseconds(20) };
        await using var harness = await SyncHarness.StartAsync(1603, Small, settings);

        var run = await SyncRunner.RunAsync(harness.Options(SyncMode.Full, o => o with { RequestsPer10Seconds = 8, TokenWarmup = TimeSpan.Zero }));

        Assert.Equal(SyncStatus.Succeeded, run.Status);
        Assert.True(run.Api.Requests > 8, $"{run.Api.Requests} requests fit in one window: the test shows nothing");
        Assert.Equal(0, harness.Simulator.GetStats().RateLimited);
        Assert.Equal((8, BudgetSource.Setting), (run.RequestsPer10Seconds, run.BudgetSource));
        Assert.Null(run.RateLimit);
        Assert.Null(Stored(harness));

        // A run right after it counts the requests still in the server's window as spent: still no 429.
        harness.Simulator.ResetStats();
        var next = await SyncRunner.RunAsync(harness.Options(SyncMode.Full, o => o with { RequestsPer10Seconds = 8, TokenWarmup = TimeSpan.Zero }));
        Assert.Equal(SyncStatus.Succeeded, next.Status);
        Assert.Equal(0, harness.Simulator.GetStats().RateLimited);
    }

    [Fact]
    public async Task A_small_plan_runs_at_the_lowest_published_limit_without_probing()
    {
        // Synced once with a set budget (nothing found, nothing stored), then a few changes: the incremental plan is small.
        await using var harness = await SyncHarness.StartAsync(1604, Small, Preset(RateLimitPreset.Revised));
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        harness.Simulator.Mutate(new MutationRequest { NewMessages = 2, Seed = 4 });
        harness.Simulator.ResetStats();

        var run = await SyncRunner.RunAsync(Auto(harness, SyncMode.Incremental));

        Assert.Equal(SyncStatus.Succeeded, run.Status);
        Assert.Equal((RatePolicy.Spend(RatePolicy.LowestPublished), BudgetSource.LowestPublished), (run.RequestsPer10Seconds, run.BudgetSource));
        Assert.Null(run.RateLimit);
        Assert.Equal(0, harness.Simulator.GetStats().RateLimited);
        Assert.Null(Stored(harness));
    }

    [Fact]
    public void A_small_plan_never_probes_and_a_finding_below_the_highest_limit_is_probed_again_after_a_week()
    {
        var now = new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);
        var fifteen = new RateLimitFinding(15, RateLimitBasis.Header, "ip", now.AddDays(-3), 15);

        Assert.False(RatePolicy.ShouldProbe(null, RatePolicy.SmallPlanRequests - 1, now));
        Assert.True(RatePolicy.ShouldProbe(null, RatePolicy.SmallPlanRequests, now));
        Assert.True(RatePolicy.ShouldProbe(null, null, now));
        Assert.False(RatePolicy.ShouldProbe(fifteen, 5_000, now));
        Assert.True(RatePolicy.ShouldProbe(fifteen, 5_000, now.AddDays(4)));
        Assert.False(RatePolicy.ShouldProbe(fifteen, 20, now.AddDays(30)));
        Assert.Equal(14, RatePolicy.StartBudget(fifteen, probe: false));
        Assert.Equal(14, RatePolicy.StartBudget(null, probe: false));
        Assert.Equal(190, RatePolicy.StartBudget(fifteen, probe: true));
    }

    [Fact]
    public void A_finding_survives_its_round_trip_and_a_damaged_one_is_ignored()
    {
        var finding = new RateLimitFinding(15, RateLimitBasis.Header, "ip", new DateTime(2026, 12, 2, 10, 11, 12, DateTimeKind.Utc), 15);

        Assert.Equal(finding, RateLimitFinding.FromJson(finding.ToJson()));
        var state = new RateLimitState(finding, [new(new DateTime(2026, 12, 2, 10, 11, 22, 500, DateTimeKind.Utc), 12), new(new DateTime(2026, 12, 2, 10, 11, 23, DateTimeKind.Utc), 3)]);
        var read = RateLimitState.FromJson(state.ToJson());
        Assert.Equal(state.Finding, read?.Finding);
        Assert.Equal(state.Recent, read?.Recent);
        Assert.Empty(RateLimitState.FromJson("{\"recent\":[[\"no time\",3]]}")!.Recent);
        Assert.Null(RateLimitState.FromJson("[1]"));
        Assert.Null(RateLimitFinding.FromJson("{\"limit\":\"many\"}"));
        Assert.Null(RateLimitFinding.FromJson("not json"));
        Assert.Null(RateLimitFinding.FromJson(null));
    }
}
