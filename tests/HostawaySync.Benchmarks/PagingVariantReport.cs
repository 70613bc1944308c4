using System.Globalization;

namespace HostawaySync.Benchmarks;

/// <summary>The paging-variants scenario's report section: one table row per reading, and what the table cannot say.</summary>
public static class PagingVariantReport
{
    public const string Target = "documented reading: full ÷ minimum ≤ 1.02; every reading: Succeeded and equal to the ground truth";

    public static BenchmarkResult Build(IReadOnlyList<PagingVariantOutcome> outcomes, TimeSpan elapsed)
    {
        var documented = outcomes[0];
        var sound = outcomes.Count(o => o.Succeeded && o.Equal);
        var a = documented.Account;
        var account = Invariant($"{a.Listings:N0} listings, {a.Reservations:N0} reservations, {a.Conversations:N0} conversations, {a.Messages:N0} messages");
        var notes = outcomes.Select(o => o.Problem()).OfType<string>().Select(p => "**Not a success.** " + p).ToList();
        notes.AddRange(outcomes.Where(o => o.ThroughReservations > 0).Select(o => Invariant(
            $"{o.Variant.Reading}: the minimum includes {o.ThroughReservations:N0} requests through reservations (one per reservation owning a conversation at a list position ≥ {o.Variant.Settings.OffsetCeiling:N0}); without them it is {o.Minimum - o.ThroughReservations:N0}, and full ÷ that = {(double)o.Requests / (o.Minimum - o.ThroughReservations):0.0000}. The engine asked {o.ThroughReservationRequests:N0} reservations: first those none of whose conversations was listed, then, as some reservations have several conversations and the count was not yet met, the others in batches of 200 (ConversationSyncer.ReachThroughReservationsAsync).")));
        notes.AddRange(outcomes.Where(o => o.Ratio < 1).Select(o => Invariant(
            $"{o.Variant.Reading}: {o.Minimum - o.Requests:N0} below the minimum. A list of k·p rows costs k+1 by the definition, but a page of {o.Variant.PageSize} rows where 100 were asked, with a count saying nothing is left, is an end the API shows, and the engine may stop there; compare each resource's requests with floor(n/p)+1 to see which lists.")));
        notes.AddRange(outcomes.Where(o => o.CatchUp is not null).Select(o => Invariant(
            $"{o.Variant.Reading}: the simulator moved {o.Stats.RowsMoved:N0} rows during the full sync (a moved reservation is updated, a moved conversation gets a new message, both now first in their list), so the truth changed under the sync (a reservation's update or a new message also moves its listing's latestActivityOn, and listings are synced first): right after it the database differed ({string.Join("; ", o.AfterFull.Where(t => !t.Equal).Select(PagingVariantOutcome.Describe).DefaultIfEmpty("in nothing"))}). An incremental sync with moves off ({o.CatchUp!.Status}, {o.CatchUp.Resources.Sum(r => r.Requests):N0} requests by the engine's count) then caught up, and the comparison is made after it. Its minimum is taken from the truth after the full sync.")));
        return new BenchmarkResult("paging-variants",
        [
            Figure.Of("account (a custom DatasetOptions(100, 3,000, 6), seed 42)", account),
            Figure.Of("offset ceiling; rows moving", Invariant($"{PagingVariantBenchmarks.Ceiling:N0}; every {PagingVariantBenchmarks.MoveEvery}th mid-pass request of a list")),
            Figure.Of("scenario wall time (s)", elapsed.TotalSeconds, "0"),
            Figure.Of("readings Succeeded and equal to the truth", Invariant($"{sound} of {outcomes.Count}")),
            Figure.Of("documented reading: full ÷ minimum", documented.Ratio, "0.0000"),
        ], Target, documented.Ratio <= 1.02 && sound == outcomes.Count)
        {
            Title = "8. Paging variants",
            Headline = Invariant($"documented reading ÷ minimum = {documented.Ratio:0.0000}; {sound} of {outcomes.Count} readings Succeeded and equal to the truth"),
            Method = "For each reading of what the API docs leave open about paging (the simulator's SimulatorSettings), a fresh simulator of the same account and a fresh database, then a full sync (SyncRunner, conversations and messages included); no faults, latency or rate limits. Data requests are the simulator's count without the token request. **Minimum** = what a client needs that knows the real page size p (50 under a cap, else 100) and the exact row count n of every list, and ends a list only where the API shows the end: floor(n/p)+1 pages per list (0 rows still cost 1), over listings, reservations, conversations and each conversation's messages (scheduled ones included). Under an offset ceiling C an offset list longer than C costs ceil(C/p) pages (nothing past C can be read by offset; reservations page by afterId, which no ceiling cuts), plus one `GET /v1/reservations/{id}/conversations` per reservation owning a conversation at a list position ≥ C, the only way to reach those. Equality is the ground-truth check of item 3.",
            Table = new ResultTable(["reading", "status", "data requests", "minimum", "÷ minimum", "listings / reservations / conversations (engine's count; the token under listings)", "through reservations", "wall time (s)", "equal to the truth"], [.. outcomes.Select(o => o.Row())]),
            Note = notes.Count == 0 ? null : string.Join("\n\n", notes),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
