using System.Diagnostics;
using System.Globalization;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>
/// What each reading of the API's open paging questions costs a full sync, in data requests ÷ the minimum
/// (<see cref="PagingMinimum"/>), and whether the database then equals the ground truth. One account, a fresh
/// simulator and database per reading; no faults, no latency, no rate limits.
/// </summary>
public static class PagingVariantBenchmarks
{
    /// <summary>Smaller than Medium (200 / 10,000) so that the ten readings take minutes, not a quarter of an hour.</summary>
    public static DatasetOptions Account { get; } = new(100, 3_000, 6);

    /// <summary>Below the account's ~2,800 conversations, above every other offset list (100 listings, 240 messages at most).</summary>
    public const int Ceiling = 2_000;

    /// <summary>Every fifth mid-pass request moves a row: this account's lists are 30 pages long, so every 50th would move none.</summary>
    public const int MoveEvery = 5;

    public static IReadOnlyList<PagingVariant> Variants { get; } = Build();

    public static async Task<BenchmarkResult> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new List<PagingVariantOutcome>();
        foreach (var variant in Variants)
        {
            var outcome = await MeasureAsync(variant);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {variant.Reading}: {outcome.Full.Status}, {outcome.Requests:N0} ÷ {outcome.Minimum:N0} = {outcome.Ratio:0.0000}, {outcome.Seconds:0.0} s, equal {outcome.Equal}"));
            outcomes.Add(outcome);
        }

        return PagingVariantReport.Build(outcomes, clock.Elapsed);
    }

    private static async Task<PagingVariantOutcome> MeasureAsync(PagingVariant variant)
    {
        using var folder = new BenchFolder("paging-variants");
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 42, Dataset = Account, Settings = SimulatedAccount.Unlimited });
        var throughReservations = variant.HasCeiling ? await ReservationsPastCeilingAsync(simulator, variant.Settings.OffsetCeiling) : 0;
        simulator.UpdateSettings(_ => variant.Settings);
        simulator.ResetStats();
        var options = SimulatedAccount.Sync(simulator, folder);
        var account = simulator.GetCounts();

        var clock = Stopwatch.StartNew();
        var full = await SyncRunner.RunAsync(options with { Mode = SyncMode.Full });
        var seconds = clock.Elapsed.TotalSeconds;
        var stats = simulator.GetStats();
        var minimum = await PagingMinimum.FullSyncAsync(simulator, variant.PageSize, variant.Settings.OffsetCeiling) + throughReservations;
        var afterFull = await GroundTruthCheck.CompareAsync(simulator, options.DatabasePath);
        if (!variant.MovesRows)
        {
            return new(variant, account, full, stats, minimum, throughReservations, seconds, afterFull, null, afterFull);
        }

        // The moves changed rows after the sync read them; the next run's business, with the API holding still.
        simulator.UpdateSettings(s => s with { MoveRowEvery = 0 });
        var catchUp = await SyncRunner.RunAsync(options with { Mode = SyncMode.Incremental });
        var final = await GroundTruthCheck.CompareAsync(simulator, options.DatabasePath);
        return new(variant, account, full, stats, minimum, throughReservations, seconds, afterFull, catchUp, final);
    }

    /// <summary>How many reservations own a conversation at a list position the ceiling hides, read before the ceiling is set.</summary>
    private static async Task<long> ReservationsPastCeilingAsync(HostawaySimulator simulator, int ceiling)
    {
        using var client = new HostawayClient(SimulatedAccount.Client(simulator));
        var reservations = new HashSet<long>();
        var position = 0;
        await foreach (var conversation in client.GetConversationsAsync())
        {
            if (position++ >= ceiling)
            {
                reservations.Add(conversation.ReservationId ?? throw new InvalidOperationException($"Conversation {conversation.Id} past the ceiling has no reservation: nothing can reach it."));
            }
        }

        return reservations.Count;
    }

    private static PagingVariant[] Build()
    {
        var documented = SimulatedAccount.Unlimited;
        var cap = documented with { MaxPageSize = 50 };
        var ceiling = documented with { OffsetCeiling = Ceiling };
        return
        [
            new("documented (count total, no cap)", documented),
            new("count remaining", documented with { Count = CountMode.Remaining }),
            new("count absent", documented with { Count = CountMode.Absent }),
            new("page cap 50, said in the envelope", cap with { PageCapInEnvelope = true }),
            new("page cap 50, silent", cap),
            new("count absent + page cap 50 silent", cap with { Count = CountMode.Absent }),
            new(string.Create(CultureInfo.InvariantCulture, $"offset ceiling {Ceiling:N0} (empty page)"), ceiling with { OffsetCeilingBehaviour = OffsetCeilingMode.Empty }),
            new(string.Create(CultureInfo.InvariantCulture, $"offset ceiling {Ceiling:N0} (HTTP 400)"), ceiling with { OffsetCeilingBehaviour = OffsetCeilingMode.Error }),
            new("page fields wrong", documented with { PageFields = PageFieldsMode.Wrong }),
            new($"rows moving (every {MoveEvery}th mid-pass request)", documented with { MoveRowEvery = MoveEvery }),
        ];
    }
}
