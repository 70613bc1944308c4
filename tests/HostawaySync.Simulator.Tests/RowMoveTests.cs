using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;
using static HostawaySync.Simulator.Tests.Infrastructure.ListEndpoints;

namespace HostawaySync.Simulator.Tests;

/// <summary>MoveRowEvery: rows jump ahead of a client paging a list, which a plain pager shows as a miss and a duplicate.</summary>
public sealed class RowMoveTests() : SimulatorLifetime(Dataset, SimulatorSetup.Open with { MoveRowEvery = 2 })
{
    // More listings and messages than Small, so every list has more than two pages of 10.
    private static readonly DatasetOptions Dataset = DatasetOptions.Small with { Listings = 45, AverageMessagesPerConversation = 30 };

    public static TheoryData<string> Lists => ["listings", "reservations", "conversations", "messages"];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_plain_offset_pager_misses_a_moved_row_and_sees_a_duplicate(string endpoint)
    {
        var path = PathOf(Simulator, endpoint);
        var seen = RowIds(await Client.PageAllAsync(path, 10));

        var truth = TruthIds(endpoint, path);
        Assert.True(seen.Count > seen.Distinct().Count(), $"no duplicate in {seen.Count} rows");
        var missed = truth.Except(seen).ToList();
        Assert.NotEmpty(missed);
        Assert.Empty(seen.Except(truth));
        Assert.True(Simulator.GetStats().RowsMoved > 0);
    }

    [Fact]
    public async Task A_moved_reservation_is_really_updated_in_the_ground_truth()
    {
        var before = Simulator.GetGroundTruth().Reservations.ToDictionary(r => r["id"]!.GetValue<long>(), r => r.ToJsonString());
        var seen = RowIds(await Client.PageAllAsync("reservations", 10));

        var after = Simulator.GetGroundTruth().Reservations;
        var missed = after.Where(r => !seen.Contains(r["id"]!.GetValue<long>())).ToList();
        Assert.NotEmpty(missed);
        Assert.All(missed, r => Assert.NotEqual(before[r["id"]!.GetValue<long>()], r.ToJsonString()));
    }

    [Fact]
    public async Task An_after_id_pager_misses_the_moved_reservation()
    {
        var seen = RowIds(await Client.PageReservationsByCursorAsync(string.Empty, 10));

        Assert.NotEmpty(TruthIds("reservations", "reservations").Except(seen));
        Assert.True(Simulator.GetStats().RowsMoved > 0);
    }

    [Fact]
    public async Task Filtered_lists_take_no_moves_and_stats_reset_clears_the_count()
    {
        var listingId = Simulator.GetGroundTruth().Reservations.GroupBy(r => r["listingMapId"]!.GetValue<long>()).MaxBy(g => g.Count())!.Key;
        var seen = RowIds(await Client.PageAllAsync($"reservations?listingId={listingId}", 2));

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(0, Simulator.GetStats().RowsMoved);
        await Client.PageAllAsync("listings", 10);
        Assert.True(Simulator.GetStats().RowsMoved > 0);
        Simulator.ResetStats();
        Assert.Equal(0, Simulator.GetStats().RowsMoved);
    }

    private static List<long> RowIds(List<JsonObject> rows) => [.. rows.Select(r => r["id"]!.GetValue<long>())];

    private HashSet<long> TruthIds(string endpoint, string path)
    {
        var truth = Simulator.GetGroundTruth();
        IEnumerable<JsonObject> rows = endpoint switch
        {
            "listings" => truth.Listings,
            "reservations" => truth.Reservations,
            "conversations" => truth.Conversations,
            _ => truth.MessagesByConversation[long.Parse(path.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture)]
                .Where(m => m["status"]!.GetValue<string>() == "sent"),
        };
        return [.. rows.Select(r => r["id"]!.GetValue<long>())];
    }
}
