using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

public sealed class ReservationQueryTests(SmallSimulatorFixture fixture) : IClassFixture<SmallSimulatorFixture>
{
    private readonly ApiClient _api = fixture.Client;

    [Fact]
    public async Task Default_order_is_updated_on_descending_then_id_descending()
    {
        var rows = await _api.PageReservationsByCursorAsync(string.Empty, 100);
        Assert.Equal(fixture.Simulator.GetCounts().Reservations, rows.Count);
        AssertOrdered(rows, r => Text(r, "updatedOn"), descending: true);
    }

    [Theory]
    [InlineData("updatedOn", "updatedOn", false)]
    [InlineData("arrivalDate", "arrivalDate", false)]
    [InlineData("arrivalDateDesc", "arrivalDate", true)]
    [InlineData("latestActivity", "latestActivityOn", false)]
    [InlineData("latestActivityDesc", "latestActivityOn", true)]
    public async Task Documented_sort_orders_order_by_their_field_with_id_as_tie_break(string sortOrder, string field, bool descending)
    {
        var rows = await _api.PageReservationsByCursorAsync($"sortOrder={sortOrder}", 100);
        Assert.Equal(fixture.Simulator.GetCounts().Reservations, rows.Count);
        AssertOrdered(rows, r => Text(r, field), descending);
    }

    [Theory]
    [InlineData("lastConversationMessageSent", "messageSentOn", false)]
    [InlineData("lastConversationMessageSentDesc", "messageSentOn", true)]
    [InlineData("lastConversationMessageReceived", "messageReceivedOn", false)]
    [InlineData("lastConversationMessageReceivedDesc", "messageReceivedOn", true)]
    public async Task Last_message_sort_orders_follow_the_conversations(string sortOrder, string conversationField, bool descending)
    {
        var latest = fixture.Simulator.GetGroundTruth().Conversations
            .GroupBy(c => c["reservationId"]!.GetValue<long>())
            .ToDictionary(g => g.Key, g => g.Select(c => c[conversationField]?.GetValue<string>()).Max(StringComparer.Ordinal) ?? string.Empty);
        var rows = await _api.PageReservationsByCursorAsync($"sortOrder={sortOrder}", 100);
        Assert.Equal(fixture.Simulator.GetCounts().Reservations, rows.Count);

        // Reservations without such a message sort first ascending (and last descending), as SQL NULLs do.
        AssertOrdered(rows, r => latest.GetValueOrDefault(r["id"]!.GetValue<long>(), string.Empty), descending);
    }

    [Fact]
    public async Task Filters_return_exactly_the_matching_reservations()
    {
        var truth = fixture.Simulator.GetGroundTruth().Reservations;
        var sample = truth[truth.Count / 2];
        var listingId = sample["listingMapId"]!.GetValue<long>();
        await AssertFilter($"listingId={listingId}", r => r["listingMapId"]!.GetValue<long>() == listingId);
        await AssertFilter("channelId=2018", r => r["channelId"]!.GetValue<int>() == 2018);
        await AssertFilter("arrivalStartDate=2026-01-01&arrivalEndDate=2026-03-31", r => Between(Text(r, "arrivalDate"), "2026-01-01", "2026-03-31"));
        await AssertFilter("departureStartDate=2026-06-01&departureEndDate=2026-06-30", r => Between(Text(r, "departureDate"), "2026-06-01", "2026-06-30"));
        await AssertFilter("arrivalEndDate=2025-01-01", r => string.CompareOrdinal(Text(r, "arrivalDate"), "2025-01-01") <= 0);

        var name = truth.Select(r => r["guestLastName"]?.GetValue<string>()).First(n => n is { Length: > 3 } && n.All(char.IsAsciiLetter))!;
        await AssertFilter($"match={Uri.EscapeDataString(name.ToUpperInvariant())}",
            r => r["guestName"]?.GetValue<string>().Contains(name, StringComparison.OrdinalIgnoreCase) ?? false);
    }

    [Fact]
    public async Task Guest_email_filter_ignores_case_but_not_surrounding_spaces()
    {
        var truth = fixture.Simulator.GetGroundTruth().Reservations;
        var email = truth.Select(r => r["guestEmail"]?.GetValue<string>()).First(e => e is not null && e == e.Trim() && e.Any(char.IsAsciiLetterLower))!;
        await AssertFilter($"guestEmail={Uri.EscapeDataString(email.ToUpperInvariant())}",
            r => string.Equals(r["guestEmail"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Latest_activity_filter_compares_whole_days_inclusively()
    {
        var truth = fixture.Simulator.GetGroundTruth().Reservations;
        var late = truth.Select(r => Text(r, "latestActivityOn")).First(t => string.CompareOrdinal(t[11..], "12:00:00") > 0);
        var day = late[..10];
        var rows = await AssertFilter($"latestActivityStart={day}&latestActivityEnd={day}", r => Text(r, "latestActivityOn")[..10] == day);
        Assert.Contains(rows, r => Text(r, "latestActivityOn") == late);
    }

    [Fact]
    public async Task Unread_filter_returns_reservations_with_unread_conversations()
    {
        var unread = fixture.Simulator.GetGroundTruth().Conversations
            .Where(c => c["hasUnreadMessages"]!.GetValue<int>() == 1)
            .Select(c => c["reservationId"]!.GetValue<long>())
            .ToHashSet();
        Assert.NotEmpty(unread);
        await AssertFilter("hasUnreadConversationMessages=1", r => unread.Contains(r["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Without_include_resources_the_resource_arrays_are_empty_and_the_proxy_email_null()
    {
        var rows = (await _api.GetOkAsync("reservations?limit=100"))["result"]!.AsArray();
        Assert.All(rows, r =>
        {
            Assert.Empty(r!["customFieldValues"]!.AsArray());
            Assert.Empty(r["reservationFees"]!.AsArray());
            Assert.Empty(r["reservationUnit"]!.AsArray());
            Assert.Null(r["hostProxyEmail"]);
            Assert.Null(r["cancellationPolicyDetails"]);
        });
        var with = (await _api.GetOkAsync("reservations?limit=100&includeResources=1"))["result"]!.AsArray();
        Assert.All(with, r => Assert.NotNull(r!["hostProxyEmail"]));
        Assert.Contains(with, r => r!["customFieldValues"]!.AsArray().Count > 0);

        // Only the literal 1 turns the flag on; the API's booleans are 0/1.
        var truthy = (await _api.GetOkAsync("reservations?limit=5&includeResources=true"))["result"]!.AsArray();
        Assert.All(truthy, r => Assert.Null(r!["hostProxyEmail"]));
    }

    [Fact]
    public async Task The_reservation_conversations_endpoint_lists_its_conversations()
    {
        var truth = fixture.Simulator.GetGroundTruth();
        var byReservation = truth.Conversations.GroupBy(c => c["reservationId"]!.GetValue<long>()).First(g => g.Count() == 2);
        var body = await _api.GetOkAsync($"reservations/{byReservation.Key}/conversations");
        Assert.Equal(["result", "status"], body.Select(p => p.Key).Order());
        Assert.Equal(byReservation.Select(c => c["id"]!.GetValue<long>()).Order(), body["result"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()).Order());
    }

    private async Task<List<JsonObject>> AssertFilter(string query, Func<JsonObject, bool> predicate)
    {
        var expected = fixture.Simulator.GetGroundTruth().Reservations.Where(predicate).Select(r => r["id"]!.GetValue<long>()).Order().ToList();
        Assert.NotEmpty(expected);
        var first = await _api.GetOkAsync($"reservations?limit=100&{query}");
        Assert.Equal(expected.Count, first["count"]!.GetValue<int>());
        var rows = await _api.PageReservationsByCursorAsync(query, 100);
        Assert.Equal(expected, rows.Select(r => r["id"]!.GetValue<long>()).Order());
        return rows;
    }

    private static void AssertOrdered(List<JsonObject> rows, Func<JsonObject, string> key, bool descending)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            var (a, b) = (rows[i - 1], rows[i]);
            var compare = string.CompareOrdinal(key(a), key(b));
            if (compare == 0)
            {
                compare = a["id"]!.GetValue<long>().CompareTo(b["id"]!.GetValue<long>());
            }

            Assert.True(descending ? compare > 0 : compare < 0, $"rows {i - 1} and {i} are out of order");
        }
    }

    private static string Text(JsonObject row, string field) => row[field]!.GetValue<string>();

    private static bool Between(string value, string from, string to) =>
        string.CompareOrdinal(value, from) >= 0 && string.CompareOrdinal(value, to) <= 0;
}
