using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public async Task The_same_seed_gives_identical_data_and_responses_and_another_seed_differs()
    {
        await using var first = await SimulatorSetup.StartAsync(DatasetOptions.Small, seed: 7);
        await using var second = await SimulatorSetup.StartAsync(DatasetOptions.Small, seed: 7);
        await using var other = await SimulatorSetup.StartAsync(DatasetOptions.Small, seed: 8);

        var truth = MutationTests.Serialize(first.GetGroundTruth());
        Assert.Equal(truth, MutationTests.Serialize(second.GetGroundTruth()));
        Assert.NotEqual(truth, MutationTests.Serialize(other.GetGroundTruth()));
        var reviews = string.Join('\n', first.GetGroundTruth().Reviews.Select(r => r.ToJsonString()));
        Assert.NotEmpty(first.GetGroundTruth().Reviews);
        Assert.Equal(reviews, string.Join('\n', second.GetGroundTruth().Reviews.Select(r => r.ToJsonString())));
        Assert.NotEqual(reviews, string.Join('\n', other.GetGroundTruth().Reviews.Select(r => r.ToJsonString())));

        using var a = await ApiClient.CreateAsync(first);
        using var b = await ApiClient.CreateAsync(second);
        var conversation = first.GetGroundTruth().Conversations[5]["id"]!.GetValue<long>();
        foreach (var url in new[]
        {
            "listings?includeResources=1&limit=5", "reservations?limit=20&offset=40&includeResources=1",
            "reservations?sortOrder=arrivalDateDesc&limit=10", "conversations?limit=10&offset=3&includeResources=1",
            $"conversations/{conversation}/messages?includeScheduledMessages=1",
            "reviews?limit=30&offset=10", "reviews?sortBy=guestName&sortOrder=desc&limit=20",
        })
        {
            Assert.Equal(await a.Http.GetStringAsync(url), await b.Http.GetStringAsync(url));
        }
    }

    [Fact]
    public async Task Counts_match_the_requested_size()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Small);
        var counts = simulator.GetCounts();
        Assert.Equal(20, counts.Listings);
        Assert.Equal(300, counts.Reservations);
        Assert.InRange(counts.Conversations, 250, 320);

        // About six messages per conversation, plus the one long conversation.
        Assert.InRange((counts.Messages - 240) / (double)counts.Conversations, 4.5, 7.5);
        Assert.Equal(counts.Conversations, counts.SentMessagesByConversation.Count);
    }
}
