using HostawaySync.Engine.Api;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Tests.Api.Paging;

/// <summary>
/// The client is exact under every reading of what the API documentation leaves open: whatever <c>count</c> holds,
/// whatever page cap the server applies (said or silent), it reads every row once and ends only where the API shows
/// the end; where it cannot see everything the API counts, it says so instead of ending quietly.
/// </summary>
public sealed class PagingReadingsTests
{
    public static TheoryData<string, int, bool> Readings()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var count in new[] { "total", "remaining", "absent" })
        {
            data.Add(count, 100, false);
            data.Add(count, 50, true);
            data.Add(count, 50, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task Offset_paging_reads_every_row_once_under_each_reading(string count, int cap, bool capInEnvelope)
    {
        var list = new ScriptedList(707) { CountMode = count, Cap = cap, CapInEnvelope = capInEnvelope };
        var handler = new FakeApiHandler().Script("listings", list.Answer);
        using var client = Client(handler);
        var tally = new PassTally();

        var listings = await client.GetListingsAsync(tally).ToListAsync();

        Assert.Equal(list.Ids.Order(), listings.Select(l => l.Id).Order());
        Assert.True(tally.Complete, tally.Describe("listings"));
        Assert.Equal(0, tally.Duplicates);
        // Every page but the last is full; at most one request past the last row, plus the learning of a silent cap.
        Assert.InRange(Requests(handler, "listings"), (707 / cap) + 1, (707 / cap) + 2);
    }

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task Cursor_paging_reads_every_reservation_once_under_each_reading(string count, int cap, bool capInEnvelope)
    {
        var list = new ScriptedList(707) { CountMode = count, Cap = cap, CapInEnvelope = capInEnvelope };
        var handler = new FakeApiHandler().Script("reservations", list.Answer);
        using var client = Client(handler);
        var tally = new PassTally();

        var reservations = await client.GetReservationsAsync(tally: tally).ToListAsync();

        Assert.Equal(list.Ids, reservations.Select(r => r.Id));
        Assert.True(tally.Complete, tally.Describe("reservations"));
        Assert.InRange(Requests(handler, "reservations"), (707 / cap) + 1, (707 / cap) + 2);
    }

    [Fact]
    public async Task A_message_list_of_one_short_page_costs_one_request_under_the_documented_reading()
    {
        var list = new ScriptedList(8);
        var handler = new FakeApiHandler().Script("conversations/7/messages", list.Answer);
        using var client = Client(handler);

        var messages = await client.GetMessagesAsync(7).ToListAsync();

        Assert.Equal(8, messages.Count);
        Assert.Equal(1, Requests(handler, "messages"));
    }

    [Fact]
    public async Task Rows_past_an_offset_ceiling_make_the_pass_incomplete_with_the_numbers_and_no_retries()
    {
        var list = new ScriptedList(284) { Ceiling = 250 };
        var handler = new FakeApiHandler().Script("listings", list.Answer);
        using var client = Client(handler);
        var tally = new PassTally();

        var listings = await client.GetListingsAsync(tally).ToListAsync();

        Assert.Equal(250, listings.Count);
        Assert.False(tally.Complete);
        Assert.True(tally.StoppedBeforeCount);
        Assert.Equal(1, tally.Passes);
        Assert.Contains("saw 250 of the 284 listings the API counts", tally.Describe("listings"), StringComparison.Ordinal);
        Assert.Equal(3, Requests(handler, "listings"));

        var strict = await Assert.ThrowsAsync<HostawayException>(() => Client(new FakeApiHandler().Script("listings", new ScriptedList(284) { Ceiling = 250 }.Answer)).GetListingsAsync().ToListAsync().AsTask());
        Assert.Equal(ErrorIds.SyncIncomplete, strict.ErrorId);
        Assert.Contains("250 of the 284", strict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offset_ceiling_that_answers_with_an_error_ends_the_pass_unproven()
    {
        var list = new ScriptedList(284) { Ceiling = 200, CeilingErrors = true };
        var handler = new FakeApiHandler().Script("listings", list.Answer);
        using var client = Client(handler);
        var tally = new PassTally();

        var listings = await client.GetListingsAsync(tally).ToListAsync();

        Assert.Equal(200, listings.Count);
        Assert.False(tally.EndProven);
        Assert.False(tally.Complete);
        Assert.Contains("refused offset 200", tally.Describe("listings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_that_counts_more_rows_than_it_serves_never_passes_for_complete()
    {
        var list = new ScriptedList(230) { Phantom = 5 };
        var handler = new FakeApiHandler().Script("listings", list.Answer);
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<HostawayException>(() => client.GetListingsAsync().ToListAsync().AsTask());

        Assert.Equal(ErrorIds.SyncIncomplete, error.ErrorId);
        Assert.Contains("230 of the 235", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("total")]
    [InlineData("remaining")]
    [InlineData("absent")]
    public async Task A_row_that_moves_to_the_front_while_paging_is_found_by_reading_again(string count)
    {
        var list = new ScriptedList(350) { CountMode = count, MoveOnRequest = 1 };
        var handler = new FakeApiHandler().Script("listings", list.Answer);
        using var client = Client(handler);
        var tally = new PassTally();

        var listings = await client.GetListingsAsync(tally).ToListAsync();

        Assert.Equal(list.Ids.Order(), listings.Select(l => l.Id).Order());
        Assert.Equal(listings.Count, listings.Select(l => l.Id).Distinct().Count());
        Assert.True(tally.Passes >= 2, "the list should have been read again");
        Assert.True(tally.Complete);
    }

    [Fact]
    public async Task An_unreadable_row_is_reported_with_its_position_and_the_others_are_kept()
    {
        var list = new ScriptedList(150) { UnreadableId = 4990 };
        var handler = new FakeApiHandler().Script("listings", list.Answer);
        using var client = Client(handler);
        var tally = new PassTally();

        var listings = await client.GetListingsAsync(tally).ToListAsync();

        Assert.Equal(149, listings.Count);
        var row = Assert.Single(tally.Unreadable);
        Assert.Contains("row 10 of the page", row.Id, StringComparison.Ordinal);
        Assert.Contains("offset=0", row.Endpoint, StringComparison.Ordinal);
        Assert.True(tally.Complete, "the unreadable row was served, so the pass saw every row");

        var strict = await Assert.ThrowsAsync<HostawayException>(() => Client(new FakeApiHandler().Script("listings", new ScriptedList(150) { UnreadableId = 4990 }.Answer)).GetListingsAsync().ToListAsync().AsTask());
        Assert.Equal(ErrorIds.ApiRowUnreadable, strict.ErrorId);
    }

    [Fact]
    public async Task An_api_that_answers_another_offset_than_asked_ends_the_pass_unproven_at_once()
    {
        var handler = new FakeApiHandler().Script("listings", new ScriptedList(250) { IgnoresOffset = true }.Answer);
        using var client = Client(handler);
        var tally = new PassTally();

        var listings = await client.GetListingsAsync(tally).ToListAsync();

        Assert.Equal(100, listings.Count);
        Assert.False(tally.Complete);
        Assert.Contains("answered with offset 0 when asked for offset 100", tally.Describe("listings"), StringComparison.Ordinal);
        Assert.InRange(Requests(handler, "listings"), 2, 2 + 4); // the pages fetched ahead are dropped
    }

    private static int Requests(FakeApiHandler handler, string path) =>
        handler.Requests.Count(r => r.Method == "GET" && r.PathAndQuery.Contains("/" + path, StringComparison.Ordinal));

    private static HostawayClient Client(FakeApiHandler handler) => new(handler.Options("secret") with { RequestsPer10Seconds = 100_000 });
}
