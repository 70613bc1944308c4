using System.Net;
using System.Text.Json.Nodes;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Errors;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Api;

/// <summary>
/// The client against the simulator over loopback HTTP: paging every resource must give back exactly the
/// simulator's ground truth, also under faults, a 429 storm and revoked tokens.
/// </summary>
public sealed class ClientAgainstSimulatorTests
{
    private static readonly SimulatorSettings Unlimited = new() { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0 };

    [Fact]
    public async Task Paging_every_resource_returns_exactly_the_ground_truth()
    {
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 7, Dataset = DatasetOptions.Small, Settings = Unlimited });
        using var client = Client(simulator);

        await AssertMatchesTruthAsync(client, simulator.GetGroundTruth());

        var stats = simulator.GetStats();
        Assert.Equal(1, stats.TokensIssued);
        Assert.Equal(0, stats.RateLimited);
        Assert.Equal(0, client.Statistics.Retries);
    }

    [Fact]
    public async Task Paging_survives_a_ten_percent_fault_rate()
    {
        var settings = Unlimited with { FaultRate = 0.10, Faults = FaultKinds.All, StallDuration = TimeSpan.FromSeconds(10) };
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 11, Dataset = DatasetOptions.Small, Settings = settings });
        using var client = Client(simulator, o => o with { RequestTimeout = TimeSpan.FromSeconds(1) });

        await AssertMatchesTruthAsync(client, simulator.GetGroundTruth());

        var stats = simulator.GetStats();
        Assert.True(stats.FaultsInjected > 10, $"only {stats.FaultsInjected} faults were injected");
        Assert.True(client.Statistics.Retries >= stats.FaultsInjected, $"{client.Statistics.Retries} retries for {stats.FaultsInjected} faults");
    }

    [Fact]
    public async Task Paging_survives_a_429_storm_without_busy_looping()
    {
        // The client's budget is far above what the account allows; the server's 429s must slow it down.
        var settings = Unlimited with { AccountRequestsPer10Seconds = 12 };
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 3, Dataset = DatasetOptions.Tiny, Settings = settings });
        using var client = Client(simulator, o => o with { RequestsPer10Seconds = 200, RateLimitWaitFloor = TimeSpan.FromMilliseconds(200) });

        await AssertMatchesTruthAsync(client, simulator.GetGroundTruth());

        var stats = simulator.GetStats();
        Assert.True(stats.RateLimited > 0, "the storm drew no 429");
        Assert.Equal(stats.RateLimited, client.Statistics.RateLimited);
        // Waiting for the retry time (and adopting the server's limit) keeps 429s a small share of the requests.
        Assert.True(stats.RateLimited <= 12, $"{stats.RateLimited} 429s: the client retried without waiting");
        Assert.Equal(12, client.RequestBudget);
    }

    [Fact]
    public async Task Paging_survives_tokens_revoked_mid_run()
    {
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 5, Dataset = DatasetOptions.Small, Settings = Unlimited });
        using var client = Client(simulator);
        var truth = simulator.GetGroundTruth();

        var reservations = new List<JsonNode>();
        await foreach (var reservation in client.GetReservationsAsync())
        {
            reservations.Add(JsonNode.Parse(reservation.RawJson)!);
            if (reservations.Count == 150)
            {
                simulator.RevokeAllTokens();
            }
        }

        AssertSameObjects(truth.Reservations, reservations);
        Assert.Equal(2, simulator.GetStats().TokensIssued);
        Assert.Equal(2, client.Statistics.TokensIssued);
    }

    [Fact]
    public async Task Wrong_credentials_end_in_HostawayAuthFailed()
    {
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 1, Dataset = DatasetOptions.Tiny, Settings = Unlimited });
        using var client = new HostawayClient(new HostawayClientOptions
        {
            Credential = new NetworkCredential(simulator.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture), "wrong-secret"),
            BaseUrl = simulator.BaseUrl,
        });

        var error = await Assert.ThrowsAsync<HostawayException>(() => client.GetListingsAsync().ToListAsync().AsTask());

        Assert.Equal(ErrorIds.AuthFailed, error.ErrorId);
        Assert.DoesNotContain("wrong-secret", error.ToString(), StringComparison.Ordinal);
    }

    private static HostawayClient Client(HostawaySimulator simulator, Func<HostawayClientOptions, HostawayClientOptions>? adjust = null)
    {
        var options = new HostawayClientOptions
        {
            Credential = new NetworkCredential(simulator.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture), simulator.ClientSecret),
            BaseUrl = simulator.BaseUrl,
            RequestsPer10Seconds = 100_000,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            MaxTransientRetries = 10,
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        return new HostawayClient(adjust?.Invoke(options) ?? options);
    }

    private static async Task AssertMatchesTruthAsync(HostawayClient client, GroundTruth truth)
    {
        var listings = await client.GetListingsAsync().Select(l => JsonNode.Parse(l.RawJson)!).ToListAsync();
        AssertSameObjects(truth.Listings, listings);

        var reservations = await client.GetReservationsAsync().Select(r => JsonNode.Parse(r.RawJson)!).ToListAsync();
        AssertSameObjects(truth.Reservations, reservations);

        // Conversations are listed without includeResources (the embedded reservation is stored already).
        var conversations = await client.GetConversationsAsync().ToListAsync();
        Assert.Equal(truth.Conversations.Select(c => (long)c["id"]!).Order(), conversations.Select(c => c.Id).Order());

        foreach (var conversation in conversations)
        {
            var messages = await client.GetMessagesAsync(conversation.Id).Select(m => JsonNode.Parse(m.RawJson)!).ToListAsync();
            var expected = truth.MessagesByConversation.TryGetValue(conversation.Id, out var list) ? list : [];
            AssertSameObjects(expected, messages);
        }
    }

    private static void AssertSameObjects(IEnumerable<JsonNode> expected, IReadOnlyList<JsonNode> actual)
    {
        var byId = expected.ToDictionary(e => (long)e["id"]!);
        Assert.Equal(byId.Count, actual.Count);
        foreach (var node in actual)
        {
            var id = (long)node["id"]!;
            Assert.True(byId.TryGetValue(id, out var truth), $"object {id} is not in the ground truth");
            Assert.True(JsonNode.DeepEquals(truth, node), $"object {id} differs from the ground truth");
        }
    }
}
