using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>The /_control surface: JSON, no auth, no rate limits, not counted.</summary>
public sealed class ControlEndpointTests : IAsyncLifetime
{
    private HostawaySimulator _simulator = null!;
    private HttpClient _control = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorSetup.StartAsync(DatasetOptions.Tiny, settings: new SimulatorSettings { IpRequestsPer10Seconds = 1, TokenWarmup = TimeSpan.Zero });
        _control = new HttpClient { BaseAddress = _simulator.ControlUrl };
    }

    public async Task DisposeAsync()
    {
        _control.Dispose();
        await _simulator.DisposeAsync();
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
    }

    [Fact]
    public async Task Counts_and_truth_agree_with_the_simulator_for_every_resource()
    {
        var counts = _simulator.GetCounts();
        var json = await Json(await _control.GetAsync("counts"));
        Assert.Equal(counts.Reservations, json["reservations"]!.GetValue<int>());
        Assert.Equal(counts.Messages, json["messages"]!.GetValue<long>());

        var truth = _simulator.GetGroundTruth();
        var listings = (await Json(await _control.GetAsync("truth?resource=listings"))).AsArray();
        Assert.True(JsonNode.DeepEquals(new JsonArray([.. truth.Listings.Select(l => l.DeepClone())]), listings));
        Assert.Equal(counts.Reservations, (await Json(await _control.GetAsync("truth?resource=reservations"))).AsArray().Count);
        Assert.Equal(counts.Conversations, (await Json(await _control.GetAsync("truth?resource=conversations"))).AsArray().Count);
        Assert.Equal(counts.Messages, (await Json(await _control.GetAsync("truth?resource=messages"))).AsArray().Count);
        var reviews = (await Json(await _control.GetAsync("truth?resource=reviews"))).AsArray();
        Assert.True(JsonNode.DeepEquals(new JsonArray([.. truth.Reviews.Select(r => r.DeepClone())]), reviews));
        var deleted = await Json(await _control.GetAsync("truth?resource=deleted"));
        Assert.Empty(deleted["deletedReservationIds"]!.AsArray());
        Assert.Empty(deleted["deletedReviewIds"]!.AsArray());
        using var bad = await _control.GetAsync("truth?resource=guests");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Mutate_settings_clock_tokens_and_stats_work_over_http()
    {
        var report = await Json(await _control.PostAsJsonAsync("mutate", new { newMessages = 3, deletedReservations = 1, seed = 5 }));
        Assert.Equal(3, report["newMessageIds"]!.AsArray().Count);
        Assert.Single(report["deletedReservationIds"]!.AsArray());
        Assert.Equal(report["deletedReservationIds"]![0]!.GetValue<long>(), _simulator.GetGroundTruth().DeletedReservationIds.Single());

        var settings = await Json(await _control.PutAsync("settings", JsonContent.Create(new { faultRate = 0.25, faults = "Stall, ServerError", latency = "00:00:00.0100000" })));
        Assert.Equal(0.25, settings["faultRate"]!.GetValue<double>());
        Assert.Equal(FaultKinds.Stall | FaultKinds.ServerError, _simulator.Settings.Faults);
        Assert.Equal(TimeSpan.FromMilliseconds(10), _simulator.Settings.Latency);
        Assert.Equal(1, _simulator.Settings.IpRequestsPer10Seconds); // untouched fields keep their value
        Assert.Equal(0.25, (await Json(await _control.GetAsync("settings")))["faultRate"]!.GetValue<double>());
        using (var invalid = await _control.PutAsync("settings", JsonContent.Create(new { faultRate = 2 })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        _simulator.UpdateSettings(s => s with { FaultRate = 0, Latency = TimeSpan.Zero });
        var before = _simulator.UtcNow;
        await Json(await _control.PostAsync("clock/advance?seconds=3600", null));
        Assert.True(_simulator.UtcNow >= before.AddHours(1));

        using var api = await ApiClient.CreateAsync(_simulator);
        var revoked = await Json(await _control.PostAsync("tokens/revoke", null));
        Assert.Equal(1, revoked["revoked"]!.GetValue<int>());

        var stats = await Json(await _control.GetAsync("stats"));
        Assert.Equal(1, stats["tokensIssued"]!.GetValue<int>());
        Assert.Equal(1, stats["requests"]!.GetValue<int>()); // control requests are never counted nor limited
        var reset = await Json(await _control.PostAsync("stats/reset", null));
        Assert.Equal(0, reset["requests"]!.GetValue<int>());
        using var unknown = await _control.GetAsync("nothing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Stats_show_the_live_tokens_and_tokens_revoke_takes_one_token_or_all()
    {
        using var api = await ApiClient.CreateAsync(_simulator, authenticate: false);
        var first = await api.IssueTokenAsync();
        var stats = await Json(await _control.GetAsync("stats"));
        Assert.Equal(1, stats["liveTokens"]!.GetValue<int>());

        var one = await Json(await _control.PostAsync("tokens/revoke?token=" + Uri.EscapeDataString(first), null));
        Assert.Equal(1, one["revoked"]!.GetValue<int>());
        Assert.False(_simulator.IsTokenLive(first));
        Assert.Equal(0, (await Json(await _control.GetAsync("stats")))["liveTokens"]!.GetValue<int>());
        var unknown = await Json(await _control.PostAsync("tokens/revoke?token=never-issued", null));
        Assert.Equal(0, unknown["revoked"]!.GetValue<int>());
    }
}
