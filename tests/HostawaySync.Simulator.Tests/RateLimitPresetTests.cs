using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Http;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>
/// The published limit sets as presets: each enforces its numbers over real HTTP, the per-IP and per-account windows
/// apply together, and every 429 is logged in the statistics.
/// </summary>
public sealed class RateLimitPresetTests
{
    [Fact]
    public void Presets_carry_the_published_numbers_and_change_nothing_else()
    {
        Assert.Equal((20, 15), RateLimitPresets.Limits(RateLimitPreset.Documented));
        Assert.Equal((200, 200), RateLimitPresets.Limits(RateLimitPreset.Revised));
        Assert.Equal((0, 0), RateLimitPresets.Limits(RateLimitPreset.Unlimited));
        Assert.Equal(new SimulatorSettings(), SimulatorSettings.For(RateLimitPreset.Documented));

        var custom = new SimulatorSettings { MaxPageSize = 7, TokenWarmup = TimeSpan.Zero };
        var revised = custom.WithRateLimits(RateLimitPreset.Revised);
        Assert.Equal(custom with { AccountRequestsPer10Seconds = 200, IpRequestsPer10Seconds = 200 }, revised);
        Assert.Throws<ArgumentOutOfRangeException>(() => custom.WithRateLimits((RateLimitPreset)99));
    }

    [Theory]
    [InlineData(RateLimitPreset.Documented, 15)]
    [InlineData(RateLimitPreset.Revised, 200)]
    public async Task From_one_ip_the_request_after_the_ip_limit_is_the_only_429(RateLimitPreset preset, int ipLimit)
    {
        await using var simulator = await StartAsync(preset);
        using var client = await AuthorizedClientAsync(simulator); // the token is request 1 of the IP's window (not an account request)

        AssertOnlyTheLastIsRefused(await BurstAsync(client, ipLimit)); // requests 2 .. ipLimit + 1
        using var refused = await client.GetAsync("listings");
        AssertRefusedBy(refused, "ip", ipLimit);
        AssertTwoRefusalsLogged(simulator, "ip", ipLimit, "ip:127.0.0.1");
    }

    [Theory]
    [InlineData(RateLimitPreset.Documented, 20)]
    [InlineData(RateLimitPreset.Revised, 200)]
    public async Task From_two_ips_the_request_after_the_account_limit_is_the_only_429(RateLimitPreset preset, int accountLimit)
    {
        await using var simulator = await StartAsync(preset);
        using var first = await AuthorizedClientAsync(simulator);
        using var second = Client(simulator, "127.0.0.2");
        second.DefaultRequestHeaders.Authorization = first.DefaultRequestHeaders.Authorization;

        // Half the account's budget from each address keeps both under the IP limit (token request included).
        var fromFirst = await BurstAsync(first, accountLimit / 2);
        Assert.All(fromFirst, s => Assert.Equal(HttpStatusCode.OK, s));
        AssertOnlyTheLastIsRefused(await BurstAsync(second, accountLimit - (accountLimit / 2) + 1));
        using var refused = await first.GetAsync("listings");
        AssertRefusedBy(refused, "account", accountLimit);
        AssertTwoRefusalsLogged(simulator, "account", accountLimit, $"account:{simulator.AccountId}");
    }

    [Fact]
    public void Two_accounts_behind_one_ip_under_the_documented_preset_meet_the_ip_limit_of_15_before_either_account_limit_of_20()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        var limiter = new SlidingWindowLimiter(time);
        var (accountLimit, ipLimit) = RateLimitPresets.Limits(RateLimitPreset.Documented);
        var ip = new RateBucket("ip:10.0.0.1", ipLimit, "ip");
        RateBucket[][] accounts =
        [
            [ip, new RateBucket("account:1", accountLimit, "account")],
            [ip, new RateBucket("account:2", accountLimit, "account")],
        ];

        for (var i = 0; i < 15; i++)
        {
            Assert.True(limiter.TryAcquire(accounts[i % 2]).Allowed, $"request {i + 1}");
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // 8 and 7 requests: both accounts far below 20, but the shared address is at 15.
        foreach (var account in accounts)
        {
            var refused = limiter.TryAcquire(account);
            Assert.Equal((false, "ip", 15), (refused.Allowed, refused.Applied, refused.Limit));
            Assert.Equal("ip:10.0.0.1", refused.Key);
            Assert.Equal(time.GetUtcNow(), refused.At);
            Assert.Equal(new DateTimeOffset(2026, 11, 1, 12, 0, 10, TimeSpan.Zero).ToUnixTimeSeconds(), refused.RetryAfterUnixSeconds);
        }

        // Another address is not affected, and account 1's own window still has room.
        Assert.True(limiter.TryAcquire([new RateBucket("ip:10.0.0.2", ipLimit, "ip"), accounts[0][1]]).Allowed);
    }

    [Fact]
    public async Task Each_429_is_logged_with_time_limit_retry_after_and_endpoint_and_the_retry_time_really_works()
    {
        await using var simulator = await StartAsync(RateLimitPreset.Documented);
        using var client = await AuthorizedClientAsync(simulator);
        Assert.All(await BurstAsync(client, 14), s => Assert.Equal(HttpStatusCode.OK, s));
        simulator.ResetStats(); // the log restarts with the counters

        var before = DateTimeOffset.UtcNow;
        using var listings = await client.GetAsync("listings");
        using var messages = await client.GetAsync("conversations/5/messages");
        var after = DateTimeOffset.UtcNow;

        var stats = simulator.GetStats();
        Assert.Equal(2, stats.RateLimited);
        Assert.Equal(["GET /v1/listings", "GET /v1/conversations/{id}/messages"], stats.RateLimitRefusals.Select(r => r.Endpoint));
        foreach (var (refusal, response) in stats.RateLimitRefusals.Zip([listings, messages]))
        {
            AssertRefusedBy(response, "ip", 15);
            Assert.Equal(("ip", 15, "ip:127.0.0.1"), (refusal.Applied, refusal.Limit, refusal.Counter));
            Assert.InRange(refusal.SentAt, before, after);
            Assert.Equal(RetryAfter(response), refusal.RetryAfterUnixSeconds);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(refusal.RetryAfterUnixSeconds), refusal.RetryAfter);
            Assert.InRange(refusal.RetryAfter, refusal.SentAt, refusal.SentAt.AddSeconds(11));
        }

        // Refused requests took no slot: at the announced instant the window has room again.
        var retryAt = stats.RateLimitRefusals[^1].RetryAfter;
        var wait = retryAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(50);
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        using var retried = await client.GetAsync("listings");
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(2, simulator.GetStats().RateLimitRefusals.Count);

        simulator.ResetStats();
        Assert.Equal((0, 0), (simulator.GetStats().RateLimited, simulator.GetStats().RateLimitRefusals.Count));
    }

    [Fact]
    public async Task The_control_stats_json_lists_each_429_and_a_reset_clears_it()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Tiny, settings: SimulatorSetup.Open with { IpRequestsPer10Seconds = 1 });
        using var api = await ApiClient.CreateAsync(simulator); // the token takes the one slot
        Assert.Equal(HttpStatusCode.TooManyRequests, (await api.GetAsync("reservations")).Status);
        using var control = new HttpClient { BaseAddress = simulator.ControlUrl };

        var stats = JsonNode.Parse(await control.GetStringAsync("stats"))!;
        Assert.Equal(1, stats["rateLimited"]!.GetValue<long>());
        var entry = stats["rateLimitRefusals"]!.AsArray().Single()!;
        Assert.Equal("ip", entry["applied"]!.GetValue<string>());
        Assert.Equal(1, entry["limit"]!.GetValue<int>());
        Assert.Equal("GET /v1/reservations", entry["endpoint"]!.GetValue<string>());
        Assert.Equal("ip:127.0.0.1", entry["counter"]!.GetValue<string>());
        var sentAt = DateTimeOffset.Parse(entry["sentAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.InRange(sentAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(
            DateTimeOffset.FromUnixTimeSeconds(entry["retryAfterUnixSeconds"]!.GetValue<long>()),
            DateTimeOffset.Parse(entry["retryAfter"]!.GetValue<string>(), CultureInfo.InvariantCulture));

        using var reset = await control.PostAsync("stats/reset", null);
        Assert.Empty(JsonNode.Parse(await reset.Content.ReadAsStringAsync())!["rateLimitRefusals"]!.AsArray());
    }

    [Fact]
    public void The_log_keeps_the_latest_1000_refusals_and_the_exact_total()
    {
        var stats = new StatsCollector();
        for (var i = 1; i <= SimulatorStats.RateLimitRefusalCapacity + 5; i++)
        {
            stats.RateLimited(new RateLimitRefusal(DateTimeOffset.UnixEpoch.AddSeconds(i), "account", 20, i + 10, $"GET /v1/listings/{i}", "account:1"));
        }

        var snapshot = stats.Snapshot();
        Assert.Equal(1_005, snapshot.RateLimited);
        Assert.Equal(1_000, snapshot.RateLimitRefusals.Count);
        Assert.Equal("GET /v1/listings/6", snapshot.RateLimitRefusals[0].Endpoint);
        Assert.Equal("GET /v1/listings/1005", snapshot.RateLimitRefusals[^1].Endpoint);

        stats.Reset();
        Assert.Empty(stats.Snapshot().RateLimitRefusals);
        Assert.Equal(0, stats.Snapshot().RateLimited);
    }

    [Theory]
    [InlineData(new string[0], 20, 15)]
    [InlineData(new[] { "--rate-limits", "documented" }, 20, 15)]
    [InlineData(new[] { "--rate-limits", "revised" }, 200, 200)]
    [InlineData(new[] { "--rate-limits", "Revised", "--ip-rate", "3" }, 200, 3)]
    [InlineData(new[] { "--account-rate", "7", "--rate-limits", "none" }, 7, 0)]
    [InlineData(new[] { "--rate-limits", "none" }, 0, 0)]
    public void The_rate_limits_argument_picks_a_preset_and_explicit_rates_override_it(string[] args, int account, int ip)
    {
        var options = ProgramArguments.Parse(args, out var error, out var help);
        Assert.Null(error);
        Assert.False(help);
        Assert.Equal((account, ip), (options!.Settings.AccountRequestsPer10Seconds, options.Settings.IpRequestsPer10Seconds));
        Assert.Equal(new SimulatorSettings() with { AccountRequestsPer10Seconds = account, IpRequestsPer10Seconds = ip }, options.Settings);
    }

    [Fact]
    public void An_unknown_rate_limits_value_is_refused_with_the_choices()
    {
        Assert.Null(ProgramArguments.Parse(["--rate-limits", "fast"], out var error, out _));
        Assert.Contains("documented, revised or none", error, StringComparison.Ordinal);
    }

    private static Task<HostawaySimulator> StartAsync(RateLimitPreset preset) =>
        SimulatorSetup.StartAsync(DatasetOptions.Tiny, settings: SimulatorSettings.For(preset) with { TokenWarmup = TimeSpan.Zero });

    /// <summary>An HTTP client whose connections come from <paramref name="localAddress"/> (any 127.x address is loopback on Linux).</summary>
    private static HttpClient Client(HostawaySimulator simulator, string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = simulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client from 127.0.0.1 that minted a token (one request) and sends it as its bearer.</summary>
    private static async Task<HttpClient> AuthorizedClientAsync(HostawaySimulator simulator)
    {
        var client = Client(simulator, "127.0.0.1");
        using var response = await client.PostAsync("accessTokens", new FormUrlEncodedContent(ApiClient.ValidForm(simulator)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Sends <paramref name="count"/> GETs one after another and returns their status codes.</summary>
    private static async Task<HttpStatusCode[]> BurstAsync(HttpClient client, int count)
    {
        var statuses = new HttpStatusCode[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync("listings?limit=1");
            statuses[i] = response.StatusCode;
        }

        return statuses;
    }

    private static void AssertOnlyTheLastIsRefused(HttpStatusCode[] statuses)
    {
        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static void AssertTwoRefusalsLogged(HostawaySimulator simulator, string applied, int limit, string counter)
    {
        var stats = simulator.GetStats();
        Assert.Equal(2, stats.RateLimited);
        Assert.Equal(2, stats.RateLimitRefusals.Count);
        Assert.All(stats.RateLimitRefusals, r => Assert.Equal((applied, limit, counter), (r.Applied, r.Limit, r.Counter)));
    }

    private static void AssertRefusedBy(HttpResponseMessage response, string applied, int limit)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(applied, response.Headers.GetValues("X-RateLimit-Applied").Single());
        Assert.Equal(limit.ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.InRange(RetryAfter(response), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 11);
    }

    private static long RetryAfter(HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("X-RateLimit-Retry-After").Single(), CultureInfo.InvariantCulture);
}
