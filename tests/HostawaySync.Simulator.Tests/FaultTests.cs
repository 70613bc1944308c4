using System.Diagnostics;
using System.Net;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>Each injected fault reaches the client as the failure it imitates.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private HostawaySimulator _simulator = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorSetup.StartAsync(DatasetOptions.Tiny);
        _api = await ApiClient.CreateAsync(_simulator);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _simulator.DisposeAsync();
    }

    private void Only(FaultKinds kind, TimeSpan? stall = null) =>
        _simulator.UpdateSettings(s => s with { FaultRate = 1, Faults = kind, StallDuration = stall ?? s.StallDuration });

    [Fact]
    public async Task Server_errors_are_5xx_with_an_html_body()
    {
        Only(FaultKinds.ServerError);
        var codes = new HashSet<int>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await _api.Http.GetAsync($"listings?limit={i + 1}");
            codes.Add((int)response.StatusCode);
            Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            Assert.StartsWith("<html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Subset(new HashSet<int> { 500, 502, 503 }, codes);
        Assert.True(codes.Count > 1);
        Assert.Equal(12, _simulator.GetStats().FaultsByKind["ServerError"]);
    }

    [Fact]
    public async Task A_truncated_body_fails_while_reading_the_content()
    {
        Only(FaultKinds.TruncatedBody);
        using var response = await _api.Http.GetAsync("reservations", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 100);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync());
        Assert.True(error is HttpRequestException or IOException, error.GetType().Name);
    }

    [Fact]
    public async Task A_connection_reset_fails_the_request_without_a_response()
    {
        Only(FaultKinds.ConnectionReset);
        await Assert.ThrowsAsync<HttpRequestException>(() => _api.Http.GetAsync("listings"));
        Assert.Equal(1, _simulator.GetStats().FaultsByKind["ConnectionReset"]);
    }

    [Fact]
    public async Task A_stall_holds_the_request_then_answers_normally()
    {
        Only(FaultKinds.Stall, TimeSpan.FromMilliseconds(400));
        var watch = Stopwatch.StartNew();
        var body = await _api.GetOkAsync("listings");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), $"answered after {watch.Elapsed}");
        Assert.NotEmpty(body["result"]!.AsArray());
    }

    [Fact]
    public async Task A_stalled_request_ends_when_the_client_gives_up_or_the_simulator_stops()
    {
        Only(FaultKinds.Stall, TimeSpan.FromMinutes(10));
        using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _api.Http.GetAsync("listings", impatient.Token));
        }

        var pending = _api.Http.GetAsync("reservations");
        await Task.Delay(200);
        await _simulator.DisposeAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task Latency_is_added_to_every_api_request()
    {
        _simulator.UpdateSettings(s => s with { Latency = TimeSpan.FromMilliseconds(300) });
        var watch = Stopwatch.StartNew();
        await _api.GetOkAsync("listings");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Fault_decisions_are_reproducible_per_seed_and_fresh_for_each_retry()
    {
        async Task<string> Outcomes(HostawaySimulator simulator)
        {
            using var api = await ApiClient.CreateAsync(simulator);
            simulator.UpdateSettings(s => s with { FaultRate = 0.5, Faults = FaultKinds.ServerError });
            var outcomes = new List<int>();
            for (var i = 0; i < 16; i++)
            {
                using var response = await api.Http.GetAsync("listings?limit=1");
                outcomes.Add((int)response.StatusCode);
            }

            return string.Join(",", outcomes);
        }

        await using var twin = await SimulatorSetup.StartAsync(DatasetOptions.Tiny);
        await using var other = await SimulatorSetup.StartAsync(DatasetOptions.Tiny, seed: 43);
        var mine = await Outcomes(_simulator);
        Assert.Equal(mine, await Outcomes(twin));
        Assert.NotEqual(mine, await Outcomes(other));
        Assert.Contains("200", mine, StringComparison.Ordinal);
        Assert.Contains("50", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_control_surface_never_faults()
    {
        Only(FaultKinds.ConnectionReset);
        using var control = new HttpClient { BaseAddress = _simulator.ControlUrl };
        for (var i = 0; i < 5; i++)
        {
            using var response = await control.GetAsync("counts");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, _simulator.GetStats().FaultsInjected);
    }
}
