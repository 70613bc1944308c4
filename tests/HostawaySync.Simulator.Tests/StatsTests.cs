using System.Net;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

public sealed class StatsTests
{
    [Fact]
    public async Task Requests_are_counted_per_route_template_with_403s_429s_tokens_and_faults()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Tiny);
        using var api = await ApiClient.CreateAsync(simulator);
        var conversation = simulator.GetGroundTruth().Conversations[0]["id"]!.GetValue<long>();
        await api.GetOkAsync("reservations");
        await api.GetOkAsync("reservations?limit=5");
        await api.GetOkAsync($"conversations/{conversation}/messages");
        await api.GetOkAsync($"conversations/{conversation}");
        api.UseToken("bogus");

        // A limit counts from the moment it is on: the bogus request fills the window of 1, the next one is refused.
        simulator.UpdateSettings(s => s with { IpRequestsPer10Seconds = 1 });
        await api.GetAsync("listings");
        await api.GetAsync("listings");
        simulator.UpdateSettings(s => s with { IpRequestsPer10Seconds = 0, FaultRate = 1, Faults = FaultKinds.ServerError });
        await api.GetAsync("listings/1");

        var stats = simulator.GetStats();
        Assert.Equal(8, stats.Requests);
        Assert.Equal(1, stats.RequestsByEndpoint["POST /v1/accessTokens"]);
        Assert.Equal(2, stats.RequestsByEndpoint["GET /v1/reservations"]);
        Assert.Equal(1, stats.RequestsByEndpoint["GET /v1/conversations/{id}/messages"]);
        Assert.Equal(1, stats.RequestsByEndpoint["GET /v1/conversations/{id}"]);
        Assert.Equal(2, stats.RequestsByEndpoint["GET /v1/listings"]);
        Assert.Equal(1, stats.RequestsByEndpoint["GET /v1/listings/{id}"]);
        Assert.Equal(1, stats.Forbidden);
        Assert.Equal(1, stats.RateLimited);
        Assert.Equal(1, stats.TokensIssued);
        Assert.Equal(1, stats.FaultsInjected);
        Assert.Equal(1, stats.FaultsByKind["ServerError"]);

        simulator.ResetStats();
        var reset = simulator.GetStats();
        Assert.Equal(0, reset.Requests);
        Assert.Empty(reset.RequestsByEndpoint);
        Assert.Equal(0, reset.PeakConcurrentRequests);
    }

    [Fact]
    public async Task Peak_concurrency_counts_overlapping_requests()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Tiny, settings: SimulatorSetup.Open with { Latency = TimeSpan.FromMilliseconds(500) });
        using var api = await ApiClient.CreateAsync(simulator);
        simulator.ResetStats();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => api.GetAsync($"listings?limit={i + 1}")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.InRange(simulator.GetStats().PeakConcurrentRequests, 2, 4);
    }
}
