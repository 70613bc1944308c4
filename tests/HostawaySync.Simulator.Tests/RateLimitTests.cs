using System.Net;
using HostawaySync.Simulator.Http;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Over_the_ip_limit_is_429_with_all_four_headers_and_a_future_retry_time()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Tiny, settings: SimulatorSetup.Open with { IpRequestsPer10Seconds = 3 });
        using var api = await ApiClient.CreateAsync(simulator); // the token request is the first of the three
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("listings")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("listings")).Status);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var response = await api.Http.GetAsync("listings");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("ip", response.Headers.GetValues("X-RateLimit-Applied").Single());
        var retryAt = long.Parse(response.Headers.GetValues("X-RateLimit-Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(retryAt >= before, "Retry-After is a Unix time, not a number of seconds");
        Assert.True(retryAt <= DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 11);
        Assert.Equal("fail", System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        Assert.Equal(1, simulator.GetStats().RateLimited);
    }

    [Fact]
    public async Task The_account_limit_applies_to_requests_with_a_valid_token()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Tiny, settings: SimulatorSetup.Open with { AccountRequestsPer10Seconds = 2 });
        using var api = await ApiClient.CreateAsync(simulator);
        await api.GetOkAsync("listings");
        await api.GetOkAsync("reservations");
        using var response = await api.Http.GetAsync("conversations");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("account", response.Headers.GetValues("X-RateLimit-Applied").Single());
        Assert.Equal("2", response.Headers.GetValues("X-RateLimit-Limit").Single());

        // The token endpoint and tokenless requests are not account requests.
        await api.IssueTokenAsync();
        api.UseToken(null);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("listings")).Status);
    }

    [Fact]
    public void The_window_slides_and_rejected_requests_consume_nothing()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        var limiter = new SlidingWindowLimiter(time);
        RateBucket[] ip = [new RateBucket("ip:1", 2, "ip")];

        Assert.True(limiter.TryAcquire(ip).Allowed);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(limiter.TryAcquire(ip).Allowed);
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var rejected = limiter.TryAcquire(ip);
            Assert.False(rejected.Allowed);
            Assert.Equal(time.GetUtcNow().AddSeconds(-(i + 1) - 4).AddSeconds(10).ToUnixTimeSeconds(), rejected.RetryAfterUnixSeconds);
        }

        // 10 s after the first request its slot frees, whatever was rejected meanwhile.
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(ip).Allowed);
        Assert.False(limiter.TryAcquire(ip).Allowed);
    }

    [Fact]
    public void A_request_must_fit_every_bucket_and_a_rejection_reports_the_latest_retry_time()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        var limiter = new SlidingWindowLimiter(time);
        var ip = new RateBucket("ip:1", 3, "ip");
        var account = new RateBucket("account:1", 1, "account");

        Assert.True(limiter.TryAcquire([ip, account]).Allowed);
        var rejected = limiter.TryAcquire([ip, account]);
        Assert.Equal("account", rejected.Applied);

        // The rejected request took no ip slot: two more ip-only requests still fit.
        Assert.True(limiter.TryAcquire([ip]).Allowed);
        Assert.True(limiter.TryAcquire([ip]).Allowed);
        Assert.Equal("ip", limiter.TryAcquire([ip]).Applied);
        Assert.True(limiter.TryAcquire([new RateBucket("ip:1", 0, "ip")]).Allowed);
    }
}
