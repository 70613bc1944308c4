using System.Globalization;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>What one reading's full sync cost and left behind.</summary>
/// <param name="Account">The account's counts before the sync.</param>
/// <param name="Full">The measured full sync.</param>
/// <param name="Stats">The simulator's count of the full sync's requests.</param>
/// <param name="Minimum">The fewest requests (<see cref="PagingMinimum"/>), per-reservation requests past a ceiling included.</param>
/// <param name="ThroughReservations">Of <see cref="Minimum"/>: the reservations owning a conversation past the ceiling.</param>
/// <param name="AfterFull">The database against the ground truth right after the full sync.</param>
/// <param name="CatchUp">With rows moving: the incremental sync run with moves off before the final comparison.</param>
/// <param name="Final">The database against the ground truth at the end (after <paramref name="CatchUp"/> if any).</param>
public sealed record PagingVariantOutcome(
    PagingVariant Variant,
    GroundTruthCounts Account,
    SyncRunResult Full,
    SimulatorStats Stats,
    long Minimum,
    long ThroughReservations,
    double Seconds,
    IReadOnlyList<TableComparison> AfterFull,
    SyncRunResult? CatchUp,
    IReadOnlyList<TableComparison> Final)
{
    /// <summary>Data requests: the token request excluded.</summary>
    public long Requests => SyncBenchmarks.DataRequests(Stats);

    /// <summary>Requests for one reservation's conversations: how the engine reaches what a list did not show.</summary>
    public long ThroughReservationRequests => Stats.RequestsByEndpoint.Where(e => e.Key.EndsWith("/v1/reservations/{id}/conversations", StringComparison.Ordinal)).Sum(e => e.Value);

    public double Ratio => (double)Requests / Minimum;

    public bool Succeeded => Full.Status == SyncStatus.Succeeded && CatchUp?.Status is null or SyncStatus.Succeeded;

    public bool Equal => Final.All(t => t.Equal);

    public IReadOnlyList<Figure> Row() =>
    [
        Figure.Of("reading", Variant.Reading),
        Figure.Of("status", Full.Status + (CatchUp is null ? string.Empty : $" (then {CatchUp.Status})")),
        Figure.Of("data requests", Requests),
        Figure.Of("minimum", Minimum),
        Figure.Of("÷ minimum", Ratio, "0.0000"),
        Figure.Of("by resource (engine's count)", string.Join(" / ", Full.Resources.Select(r => r.Requests.ToString("N0", CultureInfo.InvariantCulture)))),
        Figure.Of("through reservations", ThroughReservationRequests),
        Figure.Of("wall time (s)", Seconds, "0.0"),
        Figure.Of("equal to the truth", (Equal ? "yes" : "NO") + (CatchUp is null ? string.Empty : " (after the incremental)")),
    ];

    /// <summary>Why the row is not a success, in the engine's own words, or null.</summary>
    public string? Problem()
    {
        var problems = new List<string>();
        foreach (var (name, run) in new[] { ("full", Full), ("incremental", CatchUp) })
        {
            if (run is not null && run.Status != SyncStatus.Succeeded)
            {
                problems.Add($"{name} sync {run.Status}: {run.Error?.ErrorId} {run.Error?.Message} [" +
                    string.Join("; ", run.Resources.Where(r => r.Status != SyncStatus.Succeeded).Select(r => $"{r.Resource} {r.Status} {r.ErrorId}: {r.ErrorMessage}")) + "]");
            }
        }

        problems.AddRange(Final.Where(t => !t.Equal).Select(Describe));
        return problems.Count == 0 ? null : $"{Variant.Reading}: " + string.Join("; ", problems);
    }

    public static string Describe(TableComparison t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t.Table} API {t.Truth:N0}, stored {t.Stored:N0}, missing {t.Missing}, extra {t.Extra}, differing {t.Differ}");
}
