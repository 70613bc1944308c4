using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>Paging every list endpoint returns every live object exactly once, exactly as the ground truth has it.</summary>
public sealed class PagingTests(SmallSimulatorFixture fixture) : IClassFixture<SmallSimulatorFixture>
{
    private readonly ApiClient _api = fixture.Client;

    [Fact]
    public async Task Listings_paged_by_offset_equal_the_ground_truth()
    {
        var served = await _api.PageAllAsync("listings?includeResources=1", 7);
        AssertSameObjects(fixture.Simulator.GetGroundTruth().Listings, served);
    }

    [Fact]
    public async Task Reservations_paged_by_offset_equal_the_ground_truth()
    {
        var served = await _api.PageAllAsync("reservations?includeResources=1", 45);
        AssertSameObjects(fixture.Simulator.GetGroundTruth().Reservations, served);
    }

    [Fact]
    public async Task Reservations_paged_by_after_id_equal_the_ground_truth()
    {
        var served = await _api.PageReservationsByCursorAsync("includeResources=1", 100);
        AssertSameObjects(fixture.Simulator.GetGroundTruth().Reservations, served);
    }

    [Fact]
    public async Task Conversations_paged_by_offset_equal_the_ground_truth()
    {
        var served = await _api.PageAllAsync("conversations?includeResources=1", 25);
        AssertSameObjects(fixture.Simulator.GetGroundTruth().Conversations, served);
    }

    [Fact]
    public async Task Messages_paged_by_offset_equal_the_ground_truth_including_a_long_thread()
    {
        var truth = fixture.Simulator.GetGroundTruth();
        var conversations = truth.MessagesByConversation
            .OrderByDescending(p => p.Value.Count)
            .Take(1)
            .Concat(truth.MessagesByConversation.Where(p => p.Value.Count > 0).Take(15))
            .ToList();
        Assert.True(conversations[0].Value.Count > 200, "the long conversation needs several pages");
        foreach (var (id, messages) in conversations)
        {
            var served = await _api.PageAllAsync($"conversations/{id}/messages?includeScheduledMessages=1", 30);
            Assert.Equal(messages.Count, served.Count);
            for (var i = 0; i < served.Count; i++)
            {
                Assert.True(JsonNode.DeepEquals(messages[i], served[i]), $"message {i} of conversation {id} differs");
            }
        }
    }

    private static void AssertSameObjects(IReadOnlyList<JsonObject> truth, List<JsonObject> served)
    {
        var servedById = served.GroupBy(o => o["id"]!.GetValue<long>()).ToList();
        Assert.All(servedById, g => Assert.Single(g));
        Assert.Equal(truth.Count, served.Count);
        var byId = servedById.ToDictionary(g => g.Key, g => g.Single());
        foreach (var expected in truth)
        {
            var id = expected["id"]!.GetValue<long>();
            Assert.True(byId.TryGetValue(id, out var actual), $"object {id} was never served");
            Assert.True(JsonNode.DeepEquals(expected, actual), $"object {id} differs from the ground truth");
        }
    }
}
