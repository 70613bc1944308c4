using System.Net;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

public sealed class EnvelopeTests(SmallSimulatorFixture fixture) : IClassFixture<SmallSimulatorFixture>
{
    private readonly ApiClient _api = fixture.Client;

    [Theory]
    [InlineData("listings")]
    [InlineData("reservations")]
    public async Task Listing_and_reservation_lists_have_no_page_fields_and_echo_limit_and_offset(string path)
    {
        var unsent = await _api.GetOkAsync(path);
        Assert.Equal(["count", "limit", "offset", "result", "status"], unsent.Select(p => p.Key).Order());
        Assert.Null(unsent["limit"]);
        Assert.Null(unsent["offset"]);

        var sent = await _api.GetOkAsync($"{path}?limit=7&offset=3");
        Assert.Equal(7, sent["limit"]!.GetValue<int>());
        Assert.Equal(3, sent["offset"]!.GetValue<int>());
        Assert.Equal(7, sent["result"]!.AsArray().Count);
        Assert.Equal(unsent["count"]!.GetValue<int>(), sent["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Conversation_and_message_lists_carry_page_and_total_pages_consistent_past_the_end()
    {
        var conversations = await _api.GetOkAsync("conversations?limit=10&offset=20");
        var count = conversations["count"]!.GetValue<int>();
        Assert.Equal(3, conversations["page"]!.GetValue<int>());
        Assert.Equal((count + 9) / 10, conversations["totalPages"]!.GetValue<int>());

        var truth = fixture.Simulator.GetCounts();
        var (id, sent) = truth.SentMessagesByConversation.First(p => p.Value is > 0 and < 100);
        var past = await _api.GetOkAsync($"conversations/{id}/messages?limit=100&offset=100");
        Assert.Empty(past["result"]!.AsArray());
        Assert.Equal(sent, past["count"]!.GetValue<int>());
        Assert.Equal(2, past["page"]!.GetValue<int>());
        Assert.Equal(1, past["totalPages"]!.GetValue<int>());
        Assert.Equal(["count", "limit", "offset", "page", "result", "status", "totalPages"], past.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Single_objects_are_wrapped_in_status_and_result()
    {
        var listingId = (await _api.GetOkAsync("listings?limit=1"))["result"]![0]!["id"]!.GetValue<long>();
        var single = await _api.GetOkAsync($"listings/{listingId}");
        Assert.Equal(["result", "status"], single.Select(p => p.Key).Order());
        Assert.Equal(listingId, single["result"]!["id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("listings/1", "Listing not found")]
    [InlineData("listings/abc", "Listing not found")]
    [InlineData("reservations/1", "Reservation not found")]
    [InlineData("reservations/1/conversations", "Reservation not found")]
    [InlineData("conversations/1", "Conversation not found")]
    [InlineData("conversations/1/messages", "Conversation not found")]
    [InlineData("nothingHere", "Not found")]
    public async Task Unknown_ids_and_paths_are_404_with_a_fail_result(string path, string message)
    {
        var (status, body) = await _api.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(new JsonObject { ["status"] = "fail", ["result"] = message }.ToJsonString(), body!.ToJsonString());
    }

    [Fact]
    public async Task A_message_of_another_conversation_is_404()
    {
        var truth = fixture.Simulator.GetGroundTruth();
        var pair = truth.MessagesByConversation.Where(p => p.Value.Count > 0).Take(2).ToList();
        var foreignMessage = pair[1].Value[0]["id"]!.GetValue<long>();
        var (status, body) = await _api.GetAsync($"conversations/{pair[0].Key}/messages/{foreignMessage}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("fail", body!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("reservations?limit=abc")]
    [InlineData("reservations?limit=0")]
    [InlineData("reservations?offset=-1")]
    [InlineData("reservations?sortOrder=updatedOnDesc")]
    [InlineData("reservations?arrivalStartDate=2026-13-01")]
    [InlineData("reservations?latestActivityStart=2026-11-01T00:00:00")]
    [InlineData("reservations?isStarred=1")]
    [InlineData("listings?sortOrder=id")]
    [InlineData("conversations?reservationId=x")]
    public async Task Malformed_or_unsupported_parameters_are_400_not_silently_ignored(string url)
    {
        var (status, body) = await _api.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("fail", body!["status"]!.GetValue<string>());
        Assert.IsAssignableFrom<JsonValue>(body["result"]);
    }

    [Fact]
    public async Task A_limit_above_100_serves_100_rows_but_echoes_the_request()
    {
        var page = await _api.GetOkAsync("reservations?limit=500");
        Assert.Equal(500, page["limit"]!.GetValue<int>());
        Assert.Equal(100, page["result"]!.AsArray().Count);
        Assert.True(page["count"]!.GetValue<int>() > 100);
    }

    [Fact]
    public async Task Unsupported_methods_are_405()
    {
        using var response = await _api.Http.PostAsync("reservations", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.True(fixture.Simulator.GetStats().RequestsByEndpoint.ContainsKey("POST /v1/reservations"));
    }
}
