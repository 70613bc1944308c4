using System.Net;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Paging_stays_consistent_while_mutations_and_setting_changes_run()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Small);
        await using var neighbour = await SimulatorSetup.StartAsync(DatasetOptions.Tiny);
        using var api = await ApiClient.CreateAsync(simulator);
        using var stop = new CancellationTokenSource();
        var mutations = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                simulator.Mutate(new MutationRequest { NewMessages = 5, UpdatedReservations = 2, NewReservations = 1 });
                simulator.UpdateSettings(s => s with { Latency = TimeSpan.Zero });
                neighbour.Mutate(new MutationRequest { NewMessages = 1 });
                _ = simulator.GetCounts();
                Interlocked.Increment(ref mutations);
                await Task.Delay(5);
            }
        });

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            // Rows may repeat or be skipped across pages while data changes (that is the documented afterId
            // behaviour), but every page comes from one consistent state: complete, unique and ordered.
            long? after = null;
            for (var page = 0; page < 12; page++)
            {
                var body = await api.GetOkAsync($"reservations?limit=50{(after is null ? string.Empty : $"&afterId={after}")}");
                var rows = body["result"]!.AsArray().Select(r => r!.AsObject()).ToList();
                if (rows.Count == 0)
                {
                    after = null;
                    continue;
                }

                Assert.Equal(rows.Count, rows.Select(r => r["id"]!.GetValue<long>()).Distinct().Count());
                for (var i = 1; i < rows.Count; i++)
                {
                    var compare = string.CompareOrdinal(rows[i - 1]["updatedOn"]!.GetValue<string>(), rows[i]["updatedOn"]!.GetValue<string>());
                    Assert.True(compare > 0 || (compare == 0 && rows[i - 1]["id"]!.GetValue<long>() > rows[i]["id"]!.GetValue<long>()));
                }

                after = rows[^1]["id"]!.GetValue<long>();
                var conversations = await api.GetOkAsync("conversations?limit=100&includeResources=1");
                Assert.Equal(100, conversations["result"]!.AsArray().Count);
            }
        })).ToList();

        await Task.WhenAll(readers);
        await stop.CancelAsync();
        await writer;
        Assert.True(mutations > 0);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("listings")).Status);
        Assert.Equal(simulator.GetCounts().Reservations, simulator.GetGroundTruth().Reservations.Count);
    }
}
