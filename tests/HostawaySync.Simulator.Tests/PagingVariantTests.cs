using System.Net;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;
using static HostawaySync.Simulator.Tests.Infrastructure.ListEndpoints;

namespace HostawaySync.Simulator.Tests;

/// <summary>Count, page cap, offset ceiling and page-field variants on every list endpoint (one simulator per test).</summary>
public sealed class PagingVariantTests() : SimulatorLifetime(DatasetOptions.Small)
{
    public static TheoryData<string> Endpoints => All;

    private void Use(Func<SimulatorSettings, SimulatorSettings> change) => Simulator.UpdateSettings(_ => change(SimulatorSetup.Open));

    /// <summary>The real number of rows, asked under the default settings.</summary>
    private async Task<int> TotalAsync(string path)
    {
        Use(s => s);
        return (await Client.GetOkAsync(path))["count"]!.GetValue<int>();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Remaining_counts_the_rows_from_the_requested_offset_on(string endpoint)
    {
        var path = PathOf(Simulator, endpoint);
        var total = await TotalAsync(path);
        var middle = total / 2;
        var expectedRows = Ids(await Client.GetOkAsync(With(path, $"limit=3&offset={middle}")));

        Use(s => s with { Count = CountMode.Remaining });
        Assert.Equal(total, (await Client.GetOkAsync(With(path, "offset=0")))["count"]!.GetValue<int>());
        var mid = await Client.GetOkAsync(With(path, $"limit=3&offset={middle}"));
        Assert.Equal(total - middle, mid["count"]!.GetValue<int>());
        Assert.Equal(expectedRows, Ids(mid));
        var past = await Client.GetOkAsync(With(path, $"offset={total + 5}"));
        Assert.Equal(0, past["count"]!.GetValue<int>());
        Assert.Empty(past["result"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Absent_leaves_out_count_page_and_total_pages(string endpoint)
    {
        var path = PathOf(Simulator, endpoint);
        await TotalAsync(path);
        var expectedRows = Ids(await Client.GetOkAsync(With(path, "limit=5&offset=1")));

        Use(s => s with { Count = CountMode.Absent });
        var page = await Client.GetOkAsync(With(path, "limit=5&offset=1"));
        Assert.Equal(EnvelopeKeys(endpoint, withCount: false), page.Select(p => p.Key).Order());
        Assert.Equal(expectedRows, Ids(page));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_page_cap_is_silent_by_default_and_in_the_envelope_when_asked(string endpoint)
    {
        var path = PathOf(Simulator, endpoint);
        var total = await TotalAsync(path);
        var expectedRows = Ids(await Client.GetOkAsync(With(path, "limit=3&offset=0")));

        Use(s => s with { MaxPageSize = 3 });
        var silent = await Client.GetOkAsync(With(path, "limit=5&offset=0"));
        Assert.Equal(expectedRows, Ids(silent));
        Assert.Equal(Math.Min(3, total), (await Client.GetOkAsync(path))["result"]!.AsArray().Count);
        if (HasPageFields(endpoint))
        {
            Assert.Equal((total + 2) / 3, silent["totalPages"]!.GetValue<int>());
        }

        Use(s => s with { MaxPageSize = 3, PageCapInEnvelope = true });
        var told = await Client.GetOkAsync(With(path, "limit=5&offset=0"));
        Assert.Equal(expectedRows, Ids(told));
        if (!HasLimit(endpoint))
        {
            // Without a limit field the cap cannot show: only a short page of 3 tells.
            Assert.False(silent.ContainsKey("limit") || told.ContainsKey("limit"));
            return;
        }

        Assert.Equal(5, silent["limit"]!.GetValue<int>());
        Assert.Equal(3, told["limit"]!.GetValue<int>());
        Assert.Equal(2, (await Client.GetOkAsync(With(path, "limit=2")))["limit"]!.GetValue<int>());
        Assert.Null((await Client.GetOkAsync(path))["limit"]);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_offset_ceiling_cuts_a_straddling_page_and_empties_pages_past_it(string endpoint)
    {
        var path = PathOf(Simulator, endpoint);
        var total = await TotalAsync(path);
        var straddling = Ids(await Client.GetOkAsync(With(path, "limit=5&offset=2"))).Take(2).ToList();

        Use(s => s with { OffsetCeiling = 4 });
        Assert.Equal(straddling, Ids(await Client.GetOkAsync(With(path, "limit=5&offset=2"))));
        var past = await Client.GetOkAsync(With(path, "limit=5&offset=4"));
        Assert.Empty(past["result"]!.AsArray());
        Assert.Equal(total, past["count"]!.GetValue<int>());

        Use(s => s with { OffsetCeiling = 4, Count = CountMode.Remaining });
        Assert.Equal(Math.Max(0, total - 4), (await Client.GetOkAsync(With(path, "limit=5&offset=4")))["count"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_offset_ceiling_in_error_mode_refuses_offsets_at_or_past_it(string endpoint)
    {
        var path = PathOf(Simulator, endpoint);
        await TotalAsync(path);
        var straddling = Ids(await Client.GetOkAsync(With(path, "limit=5&offset=2"))).Take(2).ToList();

        Use(s => s with { OffsetCeiling = 4, OffsetCeilingBehaviour = OffsetCeilingMode.Error });
        Assert.Equal(straddling, Ids(await Client.GetOkAsync(With(path, "limit=5&offset=2"))));
        var (status, body) = await Client.GetAsync(With(path, "limit=5&offset=4"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"status":"fail","result":"Offset must be lower than 4."}""", body!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Page_fields_can_be_missing_or_wrong_where_they_exist(string endpoint)
    {
        var path = PathOf(Simulator, endpoint);
        var total = await TotalAsync(path);
        var url = With(path, "limit=5&offset=5");

        Use(s => s with { MaxPageSize = 3 });
        var normal = await Client.GetOkAsync(url);
        Use(s => s with { MaxPageSize = 3, PageFields = PageFieldsMode.Wrong });
        var wrong = await Client.GetOkAsync(url);
        Use(s => s with { MaxPageSize = 3, PageFields = PageFieldsMode.Missing });
        var missing = await Client.GetOkAsync(url);

        Assert.Equal(Ids(normal), Ids(wrong));
        Assert.Equal(EnvelopeKeys(endpoint, withCount: true), missing.Select(p => p.Key).Order());
        Assert.Equal(total, missing["count"]!.GetValue<int>());
        if (!HasPageFields(endpoint))
        {
            Assert.Null(wrong["page"]);
            return;
        }

        Assert.Equal(2, normal["page"]!.GetValue<int>());
        Assert.Equal((total + 2) / 3, normal["totalPages"]!.GetValue<int>());
        Assert.Equal(1, wrong["page"]!.GetValue<int>());
        Assert.Equal((total + 4) / 5, wrong["totalPages"]!.GetValue<int>());
    }

    [Fact]
    public async Task After_id_counts_the_rows_after_the_cursor_and_ignores_the_offset_ceiling()
    {
        var total = await TotalAsync("reservations");
        var cursor = Ids(await Client.GetOkAsync("reservations?limit=10"))[^1];
        var expectedRows = Ids(await Client.GetOkAsync($"reservations?limit=10&afterId={cursor}"));

        Use(s => s with { Count = CountMode.Remaining, OffsetCeiling = 5, OffsetCeilingBehaviour = OffsetCeilingMode.Error });
        var page = await Client.GetOkAsync($"reservations?limit=10&afterId={cursor}&offset=50");
        Assert.Equal(total - 10, page["count"]!.GetValue<int>());
        Assert.Equal(expectedRows, Ids(page));
        var unknown = await Client.GetOkAsync("reservations?limit=10&afterId=1");
        Assert.Equal(0, unknown["count"]!.GetValue<int>());
        Assert.Empty(unknown["result"]!.AsArray());
    }

    [Fact]
    public async Task After_id_with_a_filter_counts_only_matching_rows_after_the_cursor()
    {
        var truth = Simulator.GetGroundTruth().Reservations;
        var listingId = truth.GroupBy(r => r["listingMapId"]!.GetValue<long>()).MaxBy(g => g.Count())!.Key;
        var path = $"reservations?listingId={listingId}";
        var total = await TotalAsync(path);
        var cursor = Ids(await Client.GetOkAsync(With(path, "limit=4")))[^1];

        Use(s => s with { Count = CountMode.Remaining });
        Assert.Equal(total - 4, (await Client.GetOkAsync(With(path, $"limit=4&afterId={cursor}")))["count"]!.GetValue<int>());
    }
}
