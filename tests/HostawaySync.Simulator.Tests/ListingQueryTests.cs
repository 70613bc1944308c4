using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

public sealed class ListingQueryTests(SmallSimulatorFixture fixture) : IClassFixture<SmallSimulatorFixture>
{
    private readonly ApiClient _api = fixture.Client;

    [Fact]
    public async Task Resources_are_served_only_with_include_resources()
    {
        var without = await _api.PageAllAsync("listings", 100);
        Assert.All(without, l =>
        {
            foreach (var field in new[] { "listingImages", "listingAmenities", "listingBedTypes", "customFieldValues" })
            {
                Assert.Empty(l[field]!.AsArray());
            }
        });
        var with = await _api.PageAllAsync("listings?includeResources=1", 100);
        Assert.Contains(with, l => l["listingImages"]!.AsArray().Count > 0);
        Assert.All(with, l => Assert.NotEmpty(l["listingAmenities"]!.AsArray()));
        Assert.All(with, l => Assert.Null(l["updatedOn"]));

        var id = with.First(l => l["listingImages"]!.AsArray().Count > 0)["id"]!.GetValue<long>();
        Assert.Empty((await _api.GetOkAsync($"listings/{id}"))["result"]!["listingImages"]!.AsArray());
        Assert.NotEmpty((await _api.GetOkAsync($"listings/{id}?includeResources=1"))["result"]!["listingImages"]!.AsArray());
    }

    [Theory]
    [InlineData("name", "name", false)]
    [InlineData("nameReversed", "name", true)]
    [InlineData("contactName", "contactName", false)]
    [InlineData("contactNameReversed", "contactName", true)]
    [InlineData("latestActivity", "latestActivityOn", false)]
    [InlineData("latestActivityDesc", "latestActivityOn", true)]
    public async Task Sort_orders_order_by_their_field(string sortOrder, string field, bool descending)
    {
        var rows = await _api.PageAllAsync($"listings?sortOrder={sortOrder}", 6);
        Assert.Equal(fixture.Simulator.GetCounts().Listings, rows.Count);
        var comparer = field == "latestActivityOn" ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        for (var i = 1; i < rows.Count; i++)
        {
            var compare = comparer.Compare(rows[i - 1][field]!.GetValue<string>(), rows[i][field]!.GetValue<string>());
            Assert.True(descending ? compare >= 0 : compare <= 0, $"rows {i - 1} and {i} are out of order");
        }
    }

    [Fact]
    public async Task The_default_order_is_neither_by_id_nor_by_name_but_stable()
    {
        var first = (await _api.PageAllAsync("listings", 5)).Select(l => l["id"]!.GetValue<long>()).ToList();
        var second = (await _api.PageAllAsync("listings", 9)).Select(l => l["id"]!.GetValue<long>()).ToList();
        Assert.Equal(first, second);
        Assert.NotEqual(first.Order(), first);
        Assert.Equal(first, (await _api.PageAllAsync("listings?sortOrder=order", 100)).Select(l => l["id"]!.GetValue<long>()));
        Assert.Equal(Enumerable.Reverse(first), (await _api.PageAllAsync("listings?sortOrder=orderReversed", 100)).Select(l => l["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task City_country_match_and_latest_activity_filter()
    {
        var all = fixture.Simulator.GetGroundTruth().Listings;
        var city = all[0]["city"]!.GetValue<string>();
        await AssertFilter($"city={Uri.EscapeDataString(city.ToUpperInvariant())}", l => l["city"]!.GetValue<string>() == city);
        var country = all[1]["country"]!.GetValue<string>();
        await AssertFilter($"country={Uri.EscapeDataString(country)}", l => l["country"]!.GetValue<string>() == country);
        var word = all.Select(l => l["name"]!.GetValue<string>().Split(' ')).First(w => w.Length > 2 && w[1].All(char.IsAsciiLetter))[1];
        await AssertFilter($"match={word.ToUpperInvariant()}", l => l["name"]!.GetValue<string>().Contains(word, StringComparison.OrdinalIgnoreCase));
        var day = all[2]["latestActivityOn"]!.GetValue<string>()[..10];
        await AssertFilter($"latestActivityStart={day}", l => string.CompareOrdinal(l["latestActivityOn"]!.GetValue<string>()[..10], day) >= 0);
        await AssertFilter($"latestActivityStart={day}&latestActivityEnd={day}", l => l["latestActivityOn"]!.GetValue<string>()[..10] == day);
    }

    private async Task AssertFilter(string query, Func<JsonObject, bool> predicate)
    {
        var expected = fixture.Simulator.GetGroundTruth().Listings.Where(predicate).Select(l => l["id"]!.GetValue<long>()).Order().ToList();
        Assert.NotEmpty(expected);
        var rows = await _api.PageAllAsync($"listings?{query}", 100);
        Assert.Equal(expected, rows.Select(l => l["id"]!.GetValue<long>()).Order());
    }
}
