using System.Net;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>afterId follows the row where it is now, so rows updated mid-paging move, as the docs warn.</summary>
public sealed class CursorTests : IAsyncLifetime
{
    private HostawaySimulator _simulator = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorSetup.StartAsync(DatasetOptions.Small, freezeClock: true);
        _api = await ApiClient.CreateAsync(_simulator);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Rows_updated_while_paging_move_above_the_cursor_and_are_missed()
    {
        var all = _simulator.GetCounts().Reservations;
        var firstPage = (await _api.GetOkAsync("reservations?limit=20"))["result"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).ToList();
        _simulator.AdvanceClock(TimeSpan.FromMinutes(5));
        var report = _simulator.Mutate(new MutationRequest { UpdatedReservations = 8, Seed = 7 });

        var rest = new List<long>();
        long after = firstPage[^1];
        while (true)
        {
            var page = await _api.GetOkAsync($"reservations?limit=50&afterId={after}");
            Assert.Equal(all, page["count"]!.GetValue<int>());
            var ids = page["result"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).ToList();
            if (ids.Count == 0)
            {
                break;
            }

            rest.AddRange(ids);
            after = ids[^1];
        }

        var missed = report.UpdatedReservationIds.Except(firstPage).ToList();
        Assert.NotEmpty(missed);
        Assert.Empty(rest.Intersect(missed));
        Assert.Equal(all - missed.Count, firstPage.Concat(rest).Distinct().Count());

        // The moved rows now lead the default order.
        var top = (await _api.GetOkAsync("reservations?limit=8"))["result"]!.AsArray().Select(r => r!["id"]!.GetValue<long>());
        Assert.Equal(report.UpdatedReservationIds.Order(), top.Order());
    }

    [Fact]
    public async Task A_deleted_after_id_gives_an_empty_page_with_the_real_count()
    {
        var report = _simulator.Mutate(new MutationRequest { DeletedReservations = 3, Seed = 11 });
        var page = await _api.GetOkAsync($"reservations?limit=100&afterId={report.DeletedReservationIds[0]}");
        Assert.Empty(page["result"]!.AsArray());
        Assert.Equal(_simulator.GetCounts().Reservations, page["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task After_id_ignores_offset()
    {
        var first = (await _api.GetOkAsync("reservations?limit=10"))["result"]!.AsArray();
        var cursor = first[4]!["id"]!.GetValue<long>();
        var withOffset = await _api.GetOkAsync($"reservations?limit=5&afterId={cursor}&offset=50");
        Assert.Equal(
            first.Skip(5).Select(r => r!["id"]!.GetValue<long>()),
            withOffset["result"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.GetAsync("reservations?afterId=abc")).Status);
    }
}
