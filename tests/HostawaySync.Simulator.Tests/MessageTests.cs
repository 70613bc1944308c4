using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

public sealed class MessageTests(SmallSimulatorFixture fixture) : IClassFixture<SmallSimulatorFixture>
{
    private readonly ApiClient _api = fixture.Client;

    [Fact]
    public async Task Scheduled_and_failed_messages_are_hidden_unless_requested()
    {
        var counts = fixture.Simulator.GetCounts();
        var truth = fixture.Simulator.GetGroundTruth().MessagesByConversation;
        var mixed = truth.Where(p => p.Value.Any(m => m["status"]!.GetValue<string>() != "sent")).Take(10).ToList();
        Assert.NotEmpty(mixed);
        Assert.Contains(truth.Values.SelectMany(m => m), m => m["status"]!.GetValue<string>() == "awaiting");
        foreach (var (id, messages) in mixed)
        {
            var sent = await _api.PageAllAsync($"conversations/{id}/messages", 100);
            Assert.All(sent, m => Assert.Equal("sent", m["status"]!.GetValue<string>()));
            Assert.Equal(counts.SentMessagesByConversation[id], sent.Count);
            Assert.Equal(messages.Where(m => m["status"]!.GetValue<string>() == "sent").Select(m => m["id"]!.GetValue<long>()), sent.Select(m => m["id"]!.GetValue<long>()));

            var all = await _api.PageAllAsync($"conversations/{id}/messages?includeScheduledMessages=1", 100);
            Assert.Equal(messages.Count, all.Count);
        }

        Assert.Equal(counts.SentMessages, counts.SentMessagesByConversation.Values.Sum());
        Assert.True(counts.Messages > counts.SentMessages);
    }

    [Fact]
    public async Task Messages_come_newest_first_and_can_be_read_one_by_one()
    {
        var (id, messages) = fixture.Simulator.GetGroundTruth().MessagesByConversation.OrderByDescending(p => p.Value.Count).First();
        for (var i = 1; i < messages.Count; i++)
        {
            var (newer, older) = (messages[i - 1], messages[i]);
            var compare = string.CompareOrdinal(newer["date"]!.GetValue<string>(), older["date"]!.GetValue<string>());
            Assert.True(compare > 0 || (compare == 0 && newer["id"]!.GetValue<long>() > older["id"]!.GetValue<long>()));
        }

        foreach (var message in messages.Take(3).Concat(messages.Where(m => m["status"]!.GetValue<string>() != "sent").Take(2)))
        {
            var single = await _api.GetOkAsync($"conversations/{id}/messages/{message["id"]}");
            Assert.True(JsonNode.DeepEquals(message, single["result"]));
        }
    }

    [Fact]
    public async Task A_conversation_shows_only_its_latest_sent_message_and_embeds_the_reservation_only_on_request()
    {
        var truth = fixture.Simulator.GetGroundTruth();
        foreach (var conversation in truth.Conversations.Take(40))
        {
            var id = conversation["id"]!.GetValue<long>();
            var latestSent = truth.MessagesByConversation[id].FirstOrDefault(m => m["status"]!.GetValue<string>() == "sent");
            var shown = conversation["conversationMessages"]!.AsArray();
            if (latestSent is null)
            {
                Assert.Empty(shown);
            }
            else
            {
                Assert.True(JsonNode.DeepEquals(latestSent, shown.Single()));
            }

            Assert.Equal(conversation["reservationId"]!.GetValue<long>(), conversation["Reservation"]!["id"]!.GetValue<long>());
            var plain = (await _api.GetOkAsync($"conversations/{id}"))["result"]!;
            Assert.Null(plain["Reservation"]);
            Assert.True(JsonNode.DeepEquals(shown, plain["conversationMessages"]));
        }
    }

    [Fact]
    public async Task Conversations_can_be_filtered_by_reservation_and_are_not_ordered_by_id()
    {
        var served = await _api.PageAllAsync("conversations", 100);
        var ids = served.Select(c => c["id"]!.GetValue<long>()).ToList();
        Assert.NotEqual(ids.Order(), ids);
        Assert.NotEqual(ids.OrderDescending(), ids);

        var reservationId = served[3]["reservationId"]!.GetValue<long>();
        var filtered = await _api.PageAllAsync($"conversations?reservationId={reservationId}", 100);
        Assert.All(filtered, c => Assert.Equal(reservationId, c["reservationId"]!.GetValue<long>()));
        Assert.Equal(served.Count(c => c["reservationId"]!.GetValue<long>() == reservationId), filtered.Count);
    }
}
