using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>
/// Conversations deleted on their own, scheduled messages cancelled without any list timestamp moving, and
/// listings deleted with their reservations: each observed through the HTTP API.
/// </summary>
public sealed partial class MutationTests
{
    [Fact]
    public async Task Deleted_conversations_vanish_from_every_conversation_endpoint_while_their_reservation_stays()
    {
        var before = _simulator.GetGroundTruth();
        var countBefore = (await _api.GetOkAsync("conversations?limit=1"))["count"]!.GetValue<int>();
        var report = _simulator.Mutate(new MutationRequest { DeletedConversations = 5, Seed = 11 });

        Assert.Equal(5, report.DeletedConversationIds.Distinct().Count());
        AssertOnlyReported(report, nameof(MutationReport.DeletedConversationIds));
        Assert.Equal(countBefore - 5, (await _api.GetOkAsync("conversations?limit=1"))["count"]!.GetValue<int>());
        var listed = (await _api.PageAllAsync("conversations", 100)).Select(c => c["id"]!.GetValue<long>()).ToHashSet();
        Assert.Equal(countBefore - 5, listed.Count);

        var unknownMessages = await _api.GetAsync("conversations/1/messages");
        var conversationsBefore = ById(before.Conversations);
        var reservationsBefore = ById(before.Reservations);
        foreach (var id in report.DeletedConversationIds)
        {
            Assert.DoesNotContain(id, listed);
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"conversations/{id}")).Status);
            var messages = await _api.GetAsync($"conversations/{id}/messages?includeScheduledMessages=1");
            Assert.Equal(unknownMessages.Status, messages.Status);
            Assert.Equal(unknownMessages.Body!.ToJsonString(), messages.Body!.ToJsonString());

            // The reservation stays, its timestamps unmoved, and no longer lists the conversation.
            var reservationId = conversationsBefore[id]["reservationId"]!.GetValue<long>();
            var reservation = (await _api.GetOkAsync($"reservations/{reservationId}"))["result"]!;
            Assert.Equal(reservationsBefore[reservationId]["updatedOn"]!.GetValue<string>(), reservation["updatedOn"]!.GetValue<string>());
            Assert.Equal(reservationsBefore[reservationId]["latestActivityOn"]!.GetValue<string>(), reservation["latestActivityOn"]!.GetValue<string>());
            var ofReservation = (await _api.GetOkAsync($"reservations/{reservationId}/conversations"))["result"]!.AsArray();
            Assert.DoesNotContain(ofReservation, c => c!["id"]!.GetValue<long>() == id);
            var filtered = (await _api.GetOkAsync($"conversations?reservationId={reservationId}"))["result"]!.AsArray();
            Assert.DoesNotContain(filtered, c => c!["id"]!.GetValue<long>() == id);
        }

        var after = _simulator.GetGroundTruth();
        Assert.Equal(before.Reservations.Count, after.Reservations.Count);
        Assert.Equal(conversationsBefore.Keys.Except(report.DeletedConversationIds).Order(), after.Conversations.Select(c => c["id"]!.GetValue<long>()));
        Assert.All(report.DeletedConversationIds, id => Assert.False(after.MessagesByConversation.ContainsKey(id)));
        Assert.Equal(_simulator.GetCounts().Conversations, after.Conversations.Count);

        // The unread filter follows the conversations the reservations still have (a quarter of conversations
        // end unread, so deleting many removes some unread ones).
        var many = _simulator.Mutate(new MutationRequest { DeletedConversations = 60, Seed = 16 });
        Assert.Contains(before.Conversations, c => many.DeletedConversationIds.Contains(c["id"]!.GetValue<long>()) && c["hasUnreadMessages"]!.GetValue<int>() == 1);
        after = _simulator.GetGroundTruth();
        var unread = after.Conversations.Where(c => c["hasUnreadMessages"]!.GetValue<int>() == 1).Select(c => c["reservationId"]!.GetValue<long>()).ToHashSet();
        var unreadServed = await _api.PageAllAsync("reservations?hasUnreadConversationMessages=1", 100);
        Assert.Equal(unread.Order(), unreadServed.Select(r => r["id"]!.GetValue<long>()).Order());
    }

    [Fact]
    public async Task Cancelled_scheduled_messages_change_only_the_messages_themselves()
    {
        var before = _simulator.GetGroundTruth();
        var conversationsBefore = await ListedJsonAsync("conversations");
        var reservationsBefore = await ListedJsonAsync("reservations");
        var scheduledBefore = before.MessagesByConversation.Values.SelectMany(m => m)
            .Where(m => m["status"]!.GetValue<string>() is "awaiting" or "paused")
            .ToDictionary(m => m["id"]!.GetValue<long>());
        Assert.True(scheduledBefore.Count >= 6, "the data set needs scheduled messages for this test");

        var report = _simulator.Mutate(new MutationRequest { ChangedScheduledMessages = 3, Seed = 12 });
        Assert.Equal(3, report.ChangedMessageIds.Distinct().Count());
        AssertOnlyReported(report, nameof(MutationReport.ChangedMessageIds));

        // No conversation list entry (summary, embedded latest message) and no reservation moved, byte for byte.
        Assert.Equal(conversationsBefore, await ListedJsonAsync("conversations"));
        Assert.Equal(reservationsBefore, await ListedJsonAsync("reservations"));

        foreach (var id in report.ChangedMessageIds)
        {
            var old = scheduledBefore[id];
            var conversationId = old["conversationId"]!.GetValue<long>();
            var all = (await _api.PageAllAsync($"conversations/{conversationId}/messages?includeScheduledMessages=1", 100)).ToDictionary(m => m["id"]!.GetValue<long>());
            var changed = all[id];
            Assert.Equal("cancelled_by_user", changed["status"]!.GetValue<string>());
            Assert.Equal(Now, changed["updatedOn"]!.GetValue<string>());
            var expected = old.DeepClone().AsObject();
            expected["status"] = "cancelled_by_user";
            expected["updatedOn"] = Now;
            Assert.True(JsonNode.DeepEquals(expected, changed), $"message {id} changed more than its status and updatedOn");
            Assert.True(JsonNode.DeepEquals(changed, (await _api.GetOkAsync($"conversations/{conversationId}/messages/{id}"))["result"]));

            // Without includeScheduledMessages only sent messages show, as before.
            var sent = await _api.PageAllAsync($"conversations/{conversationId}/messages", 100);
            Assert.DoesNotContain(sent, m => m["id"]!.GetValue<long>() == id);
            Assert.Equal(
                before.MessagesByConversation[conversationId].Where(m => m["status"]!.GetValue<string>() == "sent").Select(m => m.ToJsonString()),
                sent.Select(m => m.ToJsonString()));
        }

        // Ground truth shows the new status; a cancelled message is not cancelled again.
        var truth = _simulator.GetGroundTruth().MessagesByConversation.Values.SelectMany(m => m).ToDictionary(m => m["id"]!.GetValue<long>());
        Assert.All(report.ChangedMessageIds, id => Assert.Equal("cancelled_by_user", truth[id]["status"]!.GetValue<string>()));
        var rest = _simulator.Mutate(new MutationRequest { ChangedScheduledMessages = int.MaxValue, Seed = 13 });
        Assert.Equal(scheduledBefore.Keys.Except(report.ChangedMessageIds).Order(), rest.ChangedMessageIds.Order());
        Assert.DoesNotContain(
            _simulator.GetGroundTruth().MessagesByConversation.Values.SelectMany(m => m),
            m => m["status"]!.GetValue<string>() is "awaiting" or "paused");
    }

    [Fact]
    public async Task Listings_deleted_with_reservations_take_their_reservations_and_conversations_along()
    {
        var before = _simulator.GetGroundTruth();
        var report = _simulator.Mutate(new MutationRequest { DeletedListingsWithReservations = 2, Seed = 14 });

        Assert.Equal(2, report.DeletedListingIds.Count);
        var reservations = before.Reservations.Where(r => report.DeletedListingIds.Contains(r["listingMapId"]!.GetValue<long>())).Select(r => r["id"]!.GetValue<long>()).ToHashSet();
        var conversations = before.Conversations.Where(c => reservations.Contains(c["reservationId"]!.GetValue<long>())).Select(c => c["id"]!.GetValue<long>()).ToHashSet();
        Assert.NotEmpty(reservations);
        Assert.NotEmpty(conversations);
        Assert.Equal(reservations.Order(), report.DeletedReservationIds.Order());
        Assert.Equal(conversations.Order(), report.DeletedConversationIds.Order());
        var reviews = before.Reviews.Where(r => reservations.Contains(r["reservationId"]!.GetValue<long>())).Select(r => r["id"]!.GetValue<long>()).ToHashSet();
        Assert.NotEmpty(reviews);
        Assert.Equal(reviews.Order(), report.DeletedReviewIds.Order());
        Assert.Equal(reviews.Order(), _simulator.GetGroundTruth().DeletedReviewIds.Order());
        foreach (var id in reviews)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"reviews/{id}")).Status);
        }

        AssertOnlyReported(
            report,
            nameof(MutationReport.DeletedListingIds),
            nameof(MutationReport.DeletedReservationIds),
            nameof(MutationReport.DeletedConversationIds),
            nameof(MutationReport.DeletedReviewIds));

        foreach (var id in report.DeletedListingIds)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"listings/{id}")).Status);
        }

        foreach (var id in reservations)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"reservations/{id}")).Status);
        }

        foreach (var id in conversations)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"conversations/{id}")).Status);
        }

        Assert.DoesNotContain(await _api.PageAllAsync("listings", 100), l => report.DeletedListingIds.Contains(l["id"]!.GetValue<long>()));
        Assert.DoesNotContain(await _api.PageAllAsync("reservations", 100), r => reservations.Contains(r["id"]!.GetValue<long>()));
        Assert.DoesNotContain(await _api.PageAllAsync("conversations", 100), c => conversations.Contains(c["id"]!.GetValue<long>()));

        var after = _simulator.GetGroundTruth();
        Assert.Equal(report.DeletedListingIds, after.DeletedListingIds);
        Assert.Equal(report.DeletedReservationIds, after.DeletedReservationIds);
        var reservationsAfter = ById(after.Reservations);
        foreach (var reservation in before.Reservations.Where(r => !reservations.Contains(r["id"]!.GetValue<long>())))
        {
            Assert.True(JsonNode.DeepEquals(reservation, reservationsAfter[reservation["id"]!.GetValue<long>()]), $"reservation {reservation["id"]} changed");
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_new_kinds_of_change_on_another_simulator()
    {
        await using var twin = await SimulatorSetup.StartAsync(DatasetOptions.Small, freezeClock: true);
        twin.AdvanceClock(TimeSpan.FromHours(3));
        var reservationOf = ById(_simulator.GetGroundTruth().Conversations).ToDictionary(p => p.Key, p => p.Value["reservationId"]!.GetValue<long>());
        var request = new MutationRequest
        {
            DeletedConversations = 3,
            ChangedScheduledMessages = 3,
            DeletedListingsWithReservations = 1,
            DeletedReservations = 2,
            NewMessages = 10,
        };
        var mine = _simulator.Mutate(request);
        var theirs = twin.Mutate(request);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(mine), System.Text.Json.JsonSerializer.Serialize(theirs));
        Assert.Equal(Serialize(_simulator.GetGroundTruth()), Serialize(twin.GetGroundTruth()));
        Assert.Equal(3, mine.ChangedMessageIds.Count);
        Assert.Equal(mine.DeletedConversationIds.Count, mine.DeletedConversationIds.Distinct().Count());

        // Conversations deleted on their own belong to reservations nothing else in the call touched.
        var own = mine.DeletedConversationIds.Where(id => !mine.DeletedReservationIds.Contains(reservationOf[id])).ToList();
        Assert.Equal(3, own.Count);
        Assert.All(own, id => Assert.DoesNotContain(reservationOf[id], mine.ReservationIdsWithNewMessages));
        Assert.All(own, id => Assert.DoesNotContain(id, mine.ConversationIdsWithNewMessages));
        foreach (var id in own)
        {
            Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"reservations/{reservationOf[id]}")).Status);
        }
    }

    [Fact]
    public async Task Negative_counts_of_the_new_kinds_are_refused_in_process_and_over_http()
    {
        MutationRequest[] requests =
        [
            new() { DeletedConversations = -1 },
            new() { ChangedScheduledMessages = -1 },
            new() { DeletedListingsWithReservations = -1 },
        ];
        Assert.All(requests, request => Assert.Throws<ArgumentOutOfRangeException>(() => _simulator.Mutate(request)));

        using var control = new HttpClient { BaseAddress = _simulator.ControlUrl };
        foreach (var field in new[] { "deletedConversations", "changedScheduledMessages", "deletedListingsWithReservations" })
        {
            using var refused = await control.PostAsJsonAsync("mutate", new JsonObject { [field] = -1 });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var response = await control.PostAsJsonAsync("mutate", new { deletedConversations = 2, changedScheduledMessages = 2, deletedListingsWithReservations = 1, seed = 15 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Single(report["deletedListingIds"]!.AsArray());
        Assert.Equal(2, report["changedMessageIds"]!.AsArray().Count);
        Assert.True(report["deletedConversationIds"]!.AsArray().Count >= 2);
    }

    /// <summary>Every row of an offset-paged list as its exact JSON text, by id.</summary>
    private async Task<Dictionary<long, string>> ListedJsonAsync(string path) =>
        (await _api.PageAllAsync(path, 100)).ToDictionary(o => o["id"]!.GetValue<long>(), o => o.ToJsonString());
}
