using System.Net;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>Each kind of mutation changes exactly what it reports, stamped with the simulated clock.</summary>
public sealed partial class MutationTests : IAsyncLifetime
{
    private HostawaySimulator _simulator = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorSetup.StartAsync(DatasetOptions.Small, freezeClock: true);
        _api = await ApiClient.CreateAsync(_simulator);
        _simulator.AdvanceClock(TimeSpan.FromHours(3));
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _simulator.DisposeAsync();
    }

    private string Now => _simulator.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Updated_reservations_move_updated_on_and_latest_activity_and_nothing_else_changes()
    {
        var before = ById(_simulator.GetGroundTruth().Reservations);
        var report = _simulator.Mutate(new MutationRequest { UpdatedReservations = 10, Seed = 1 });
        var after = ById(_simulator.GetGroundTruth().Reservations);

        Assert.Equal(10, report.UpdatedReservationIds.Count);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (id, reservation) in after)
        {
            if (report.UpdatedReservationIds.Contains(id))
            {
                Assert.Equal(Now, reservation["updatedOn"]!.GetValue<string>());
                Assert.Equal(Now, reservation["latestActivityOn"]!.GetValue<string>());
                Assert.NotEqual(before[id]["totalPrice"]!.ToJsonString(), reservation["totalPrice"]!.ToJsonString());
            }
            else
            {
                Assert.True(JsonNode.DeepEquals(before[id], reservation), $"reservation {id} changed without being reported");
            }
        }

        AssertOnlyReported(report, nameof(MutationReport.UpdatedReservationIds));
    }

    [Fact]
    public async Task New_messages_move_latest_activity_but_never_updated_on()
    {
        var before = _simulator.GetGroundTruth();
        var reservationsBefore = ById(before.Reservations);
        var report = _simulator.Mutate(new MutationRequest { NewMessages = 120, Seed = 2 });
        var after = _simulator.GetGroundTruth();

        Assert.Equal(120, report.NewMessageIds.Count);
        Assert.NotEmpty(report.NewConversationIds);
        foreach (var id in report.ReservationIdsWithNewMessages)
        {
            var reservation = ById(after.Reservations)[id];
            Assert.Equal(Now, reservation["latestActivityOn"]!.GetValue<string>());
            Assert.Equal(reservationsBefore[id]["updatedOn"]!.GetValue<string>(), reservation["updatedOn"]!.GetValue<string>());
        }

        foreach (var id in report.NewConversationIds)
        {
            Assert.DoesNotContain(before.Conversations, c => c["id"]!.GetValue<long>() == id);
            var reservationId = ById(after.Conversations)[id]["reservationId"]!.GetValue<long>();
            Assert.DoesNotContain(before.Conversations, c => c["reservationId"]!.GetValue<long>() == reservationId);
        }

        var newIds = report.NewMessageIds.ToHashSet();
        var conversationId = report.ConversationIdsWithNewMessages[0];
        var latest = (await _api.GetOkAsync($"conversations/{conversationId}/messages?limit=1"))["result"]![0]!;
        Assert.Contains(latest["id"]!.GetValue<long>(), newIds);
        Assert.Equal(Now, latest["date"]!.GetValue<string>());
        var conversation = (await _api.GetOkAsync($"conversations/{conversationId}"))["result"]!;
        var stamp = latest["isIncoming"]!.GetValue<int>() == 1 ? "messageReceivedOn" : "messageSentOn";
        Assert.Equal(Now, conversation[stamp]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(latest, conversation["conversationMessages"]![0]));

        // Messages never change once written: every earlier message is still there, byte for byte.
        foreach (var (id, messages) in before.MessagesByConversation)
        {
            var now = after.MessagesByConversation[id].ToDictionary(m => m["id"]!.GetValue<long>());
            Assert.All(messages, m => Assert.True(JsonNode.DeepEquals(m, now[m["id"]!.GetValue<long>()]), $"message {m["id"]} changed"));
        }

        Assert.Equal(before.MessagesByConversation.Values.Sum(m => m.Count) + 120, after.MessagesByConversation.Values.Sum(m => m.Count));
        Assert.Equal(_simulator.GetCounts().Messages, after.MessagesByConversation.Values.Sum(m => m.Count));
        AssertOnlyReported(report, nameof(MutationReport.NewMessageIds), nameof(MutationReport.ConversationIdsWithNewMessages));
    }

    [Fact]
    public async Task New_reservations_get_new_ids_and_the_listing_activity_moves()
    {
        var maxBefore = _simulator.GetGroundTruth().Reservations.Max(r => r["id"]!.GetValue<long>());
        var report = _simulator.Mutate(new MutationRequest { NewReservations = 5, Seed = 3 });
        Assert.Equal(5, report.NewReservationIds.Count);
        Assert.All(report.NewReservationIds, id => Assert.True(id > maxBefore));
        foreach (var id in report.NewReservationIds)
        {
            var reservation = (await _api.GetOkAsync($"reservations/{id}"))["result"]!;
            Assert.Equal(Now, reservation["updatedOn"]!.GetValue<string>());
            Assert.Equal(Now, reservation["insertedOn"]!.GetValue<string>());
            var listing = (await _api.GetOkAsync($"listings/{reservation["listingMapId"]}"))["result"]!;
            Assert.Equal(Now, listing["latestActivityOn"]!.GetValue<string>());
        }

        var newest = (await _api.GetOkAsync("reservations?limit=5"))["result"]!.AsArray();
        Assert.Equal(report.NewReservationIds.Order(), newest.Select(r => r!["id"]!.GetValue<long>()).Order());
    }

    [Fact]
    public async Task Cancelled_and_deleted_reservations()
    {
        var report = _simulator.Mutate(new MutationRequest { CancelledReservations = 4, DeletedReservations = 4, Seed = 4 });
        Assert.Empty(report.CancelledReservationIds.Intersect(report.DeletedReservationIds));
        foreach (var id in report.CancelledReservationIds)
        {
            var reservation = (await _api.GetOkAsync($"reservations/{id}"))["result"]!;
            Assert.Equal("cancelled", reservation["status"]!.GetValue<string>());
            Assert.Equal(Now, reservation["cancellationDate"]!.GetValue<string>());
            Assert.Equal(Now, reservation["updatedOn"]!.GetValue<string>());
        }

        foreach (var id in report.DeletedReservationIds)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"reservations/{id}")).Status);
        }

        foreach (var id in report.DeletedConversationIds)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"conversations/{id}")).Status);
        }

        var truth = _simulator.GetGroundTruth();
        Assert.Equal(report.DeletedReservationIds, truth.DeletedReservationIds);
        Assert.DoesNotContain(truth.Reservations, r => report.DeletedReservationIds.Contains(r["id"]!.GetValue<long>()));
        Assert.DoesNotContain(truth.Conversations, c => report.DeletedReservationIds.Contains(c["reservationId"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Listing_edits_do_not_move_latest_activity_while_new_and_deleted_listings_show()
    {
        var truthBefore = _simulator.GetGroundTruth();
        var before = ById(truthBefore.Listings);
        var report = _simulator.Mutate(new MutationRequest { NewListings = 2, UpdatedListings = 3, DeletedListings = 2, Seed = 5 });
        var truthAfter = _simulator.GetGroundTruth();
        var after = ById(truthAfter.Listings);

        // Reservations of edited or deleted listings stay exactly as they were (listingName is stored with the booking).
        var reservationsAfter = ById(truthAfter.Reservations);
        Assert.Contains(truthBefore.Reservations, r => report.DeletedListingIds.Contains(r["listingMapId"]!.GetValue<long>()));
        foreach (var reservation in truthBefore.Reservations)
        {
            var now = reservationsAfter[reservation["id"]!.GetValue<long>()];
            Assert.True(JsonNode.DeepEquals(reservation, now), $"reservation {reservation["id"]} changed");
        }

        Assert.Equal(report.DeletedListingIds, truthAfter.DeletedListingIds);

        foreach (var id in report.UpdatedListingIds)
        {
            Assert.False(JsonNode.DeepEquals(before[id], after[id]), $"listing {id} did not change");
            Assert.Equal(before[id]["latestActivityOn"]!.GetValue<string>(), after[id]["latestActivityOn"]!.GetValue<string>());
        }

        Assert.All(report.NewListingIds, id => Assert.Equal(Now, after[id]["insertedOn"]!.GetValue<string>()));
        foreach (var id in report.DeletedListingIds)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"listings/{id}")).Status);
        }

        var served = await _api.PageAllAsync("listings", 100);
        Assert.Equal(after.Keys.Order(), served.Select(l => l["id"]!.GetValue<long>()).Order());
        Assert.Equal(before.Count + 2 - 2, after.Count);
        foreach (var (id, listing) in after.Where(p => !report.UpdatedListingIds.Contains(p.Key) && !report.NewListingIds.Contains(p.Key)))
        {
            Assert.True(JsonNode.DeepEquals(before[id], listing), $"listing {id} changed without being reported");
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_mutation_on_another_simulator()
    {
        await using var twin = await SimulatorSetup.StartAsync(DatasetOptions.Small, freezeClock: true);
        twin.AdvanceClock(TimeSpan.FromHours(3));
        var request = new MutationRequest { UpdatedReservations = 3, NewReservations = 2, NewMessages = 7, NewListings = 1 };
        var mine = _simulator.Mutate(request);
        var theirs = twin.Mutate(request);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(mine), System.Text.Json.JsonSerializer.Serialize(theirs));
        Assert.Equal(Serialize(_simulator.GetGroundTruth()), Serialize(twin.GetGroundTruth()));
    }

    internal static void AssertOnlyReported(MutationReport report, params string[] kinds)
    {
        foreach (var property in typeof(MutationReport).GetProperties().Where(p => p.PropertyType == typeof(IReadOnlyList<long>)))
        {
            var ids = (IReadOnlyList<long>)property.GetValue(report)!;
            if (!kinds.Contains(property.Name) && property.Name is not (nameof(MutationReport.NewConversationIds) or nameof(MutationReport.ReservationIdsWithNewMessages)))
            {
                Assert.True(ids.Count == 0, $"{property.Name} should be empty");
            }
        }
    }

    internal static Dictionary<long, JsonObject> ById(IEnumerable<JsonObject> objects) => objects.ToDictionary(o => o["id"]!.GetValue<long>());

    internal static string Serialize(GroundTruth truth) =>
        new JsonObject
        {
            ["listings"] = new JsonArray([.. truth.Listings.Select(o => o.DeepClone())]),
            ["reservations"] = new JsonArray([.. truth.Reservations.Select(o => o.DeepClone())]),
            ["conversations"] = new JsonArray([.. truth.Conversations.Select(o => o.DeepClone())]),
            ["messages"] = new JsonArray([.. truth.MessagesByConversation.OrderBy(p => p.Key).SelectMany(p => p.Value).Select(o => o.DeepClone())]),
            ["deletedListings"] = new JsonArray([.. truth.DeletedListingIds.Select(id => (JsonNode)id)]),
            ["deletedReservations"] = new JsonArray([.. truth.DeletedReservationIds.Select(id => (JsonNode)id)]),
            ["reviews"] = new JsonArray([.. truth.Reviews.Select(o => o.DeepClone())]),
            ["deletedReviews"] = new JsonArray([.. truth.DeletedReviewIds.Select(id => (JsonNode)id)]),
        }.ToJsonString();
}
