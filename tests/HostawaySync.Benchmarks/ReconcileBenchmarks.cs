using System.Diagnostics;
using System.Globalization;
using Dapper;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Issue 12's "Show": after 1% of the reservations changed, 0.2% deleted (a listing with its reservations, and single
/// reservations with their conversations), conversations deleted on their own and new messages on 1%, a reconcile's
/// requests ÷ the full sync's, and whether the database and the conversation files then equal the ground truth,
/// deletions included (R1, measured on a Medium account). The same figures for the Large preset (R2): measured when the
/// Medium run's request rate says a Large full sync fits in <see cref="MeasuredLimit"/>, otherwise computed from the
/// Large account's counts before and after the same change, and labelled as computed.
/// </summary>
public static class ReconcileBenchmarks
{
    /// <summary>The scenario names whose results go to the report's "reconcile" section.</summary>
    public static IReadOnlyList<string> Scenarios { get; } = ["reconcile", "reconcile-large"];

    private const string MessagesEndpoint = "GET /v1/conversations/{id}/messages";

    private static readonly string[] ListEndpoints = ["GET /v1/listings", "GET /v1/reservations", "GET /v1/conversations"];

    /// <summary>How much later than the full sync the change happens and the reconcile runs.</summary>
    private static readonly TimeSpan Later = TimeSpan.FromHours(3);

    /// <summary>The longest a Large full sync may be expected to take here for R2 to be measured rather than computed.</summary>
    private static readonly TimeSpan MeasuredLimit = TimeSpan.FromMinutes(10);

    private const string Target = "reconcile ÷ full ≤ 0.03, the reconcile Succeeded, and the database and the files equal to the ground truth, deletions included";

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync()
    {
        var medium = await MeasureAsync(DatasetOptions.Medium, "reconcile", "R1. Reconcile cost (issue 12)");
        return [medium.Result, await LargeAsync(medium)];
    }

    /// <summary>A full sync, the change, a reconcile, the comparison with the ground truth, and a second reconcile.</summary>
    private static async Task<Measured> MeasureAsync(DatasetOptions dataset, string scenario, string title)
    {
        using var folder = new BenchFolder(scenario);
        await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 42, Dataset = dataset, Settings = SimulatedAccount.Unlimited });
        // Issue 12's resources: reviews, read in full by every reconcile, are measured in V1 (ReviewBenchmarks).
        var options = SimulatedAccount.Sync(simulator, folder) with { Resources = SyncResources.Listings | SyncResources.Reservations | SyncResources.Conversations };
        var before = await AccountCounts.ReadAsync(simulator);
        Console.WriteLine($"   account: {before.Describe()}");

        var clock = Stopwatch.StartNew();
        var full = await SyncRunner.RunAsync(options with { Mode = SyncMode.Full });
        var fullSeconds = clock.Elapsed.TotalSeconds;
        var fullRequests = SyncBenchmarks.DataRequests(simulator.GetStats());
        Console.WriteLine(Invariant($"   full sync: {full.Status}, {fullRequests:N0} requests, {fullSeconds:0.0} s"));

        simulator.AdvanceClock(Later);
        var plan = MutationPlan.For(before.Counts.Reservations);
        var mutation = plan.Apply(simulator);
        var after = await AccountCounts.ReadAsync(simulator);
        Console.WriteLine($"   change: {mutation.Describe(before.Counts.Reservations)}");

        simulator.ResetStats();
        var log = new InfoLog();
        clock.Restart();
        var reconcile = await SyncRunner.RunAsync(options with { Mode = SyncMode.Reconcile }, log);
        var reconcileSeconds = clock.Elapsed.TotalSeconds;
        var stats = simulator.GetStats();
        var reconcileRequests = SyncBenchmarks.DataRequests(stats);
        Console.WriteLine(Invariant($"   reconcile: {reconcile.Status}, {reconcileRequests:N0} requests, {reconcileSeconds:0.0} s; {log.Check}"));
        IReadOnlyList<TableComparison> comparison =
        [
            .. await GroundTruthCheck.CompareAsync(simulator, options.DatabasePath),
            .. await GroundTruthCheck.CompareFilesAsync(simulator, options.DatabasePath, options.ConversationsPath),
        ];
        var equal = comparison.All(t => t.Equal);
        var marked = DeletionsMarked(options.DatabasePath, mutation);

        simulator.ResetStats();
        var secondLog = new InfoLog();
        var second = await SyncRunner.RunAsync(options with { Mode = SyncMode.Reconcile }, secondLog);
        var secondStats = simulator.GetStats();
        var secondRequests = SyncBenchmarks.DataRequests(secondStats);
        Console.WriteLine(Invariant($"   second reconcile: {second.Status}, {secondRequests:N0} requests; {secondLog.Check}"));

        var ratio = (double)reconcileRequests / fullRequests;
        var computedFull = before.FullRequests;
        var computedReconcile = after.ReconcileRequests(mutation);
        var result = new BenchmarkResult(scenario,
        [
            Figure.Of("account before the change", before.Describe()),
            Figure.Of("full sync status", full.Status.ToString()),
            Figure.Of("full sync wall time (s)", fullSeconds, "0.0"),
            Figure.Of("full sync requests (token excluded)", fullRequests),
            Figure.Of("change, applied 3 hours (simulated) after the full sync", mutation.Describe(before.Counts.Reservations)),
            Figure.Of("conversations that got new messages", mutation.Touched.Count),
            Figure.Of("reconcile status", reconcile.Status.ToString()),
            Figure.Of("reconcile wall time (s)", reconcileSeconds, "0.0"),
            Figure.Of("reconcile requests (token excluded)", reconcileRequests),
            Figure.Of("  list pages, message pages, other", Split(stats)),
            .. Resources(reconcile),
            Figure.Of("  the reconcile's conversation check (its log)", log.Check),
            Figure.Of("reconcile ÷ full", ratio, "0.0000"),
            Figure.Of("computed from the counts (as R2 computes): full, reconcile", Invariant($"{computedFull:N0}, {computedReconcile:N0}")),
            Figure.Of("database and files equal to the ground truth", equal ? "yes" : "no"),
            .. comparison.Select(t => Figure.Of(
                $"  {t.Table}: API, stored, missing, extra, differing",
                Invariant($"{t.Truth:N0}, {t.Stored:N0}, {t.Missing}, {t.Extra}, {t.Differ}"))),
            Figure.Of("  deleted in the API, marked deleted in the database: listings, reservations, conversations", marked),
            Figure.Of("second reconcile right after: status", second.Status.ToString()),
            Figure.Of("second reconcile requests", secondRequests),
            Figure.Of("  list pages, message pages, other", Split(secondStats)),
        ], Target, reconcile.Status == SyncStatus.Succeeded && ratio <= 0.03 && equal)
        {
            Title = title,
            Headline = Invariant($"reconcile ÷ full = {ratio:0.0000} ({reconcileRequests:N0} of {fullRequests:N0} requests); database and files equal to the ground truth: {(equal ? "yes" : "no")}; a second reconcile right after: {secondRequests:N0} requests"),
            Method = Invariant($"A full sync (SyncRunner, SQLite, conversation files) of a simulated account (seed 42) with no faults, no latency, no rate limit and an unlimited client budget; requests are counted by the simulator, the token request excluded. Then the simulated clock moves {Later.TotalHours:0} hours and the account changes: 1% of the reservations change (3/5 updated, 1/5 new, 1/5 cancelled); a listing is deleted with its reservations and their conversations, and single reservations are deleted with theirs until 0.2% of the reservations are gone (none when the listing alone had that many); a conversation per 2,000 reservations is deleted on its own; new messages number 1% of the reservations (the simulator puts about a third of them in threads it just continued, so fewer conversations get them). Then a reconcile (SyncMode.Reconcile), and the database and the files are compared with the simulator's ground truth: live listings and reservations (ids and JSON), live conversations (ids), every message id of every live conversation, each stored message's status and direction, and each live conversation's file (present, the API's messages and no other, the API's texts). Then a second reconcile with nothing changed."),
            Note = Note(stats, fullRequests, mutation, reconcile),
        };
        return new Measured(result, fullRequests / fullSeconds, computedFull, computedReconcile, fullRequests, reconcileRequests);
    }

    /// <summary>R2: the Large preset, measured when a full sync is expected to fit, otherwise computed from its counts.</summary>
    private static async Task<BenchmarkResult> LargeAsync(Measured medium)
    {
        var clock = Stopwatch.StartNew();
        AccountCounts before;
        (AccountCounts After, AppliedMutation Mutation)? changed = null;
        await using (var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 42, Dataset = DatasetOptions.Large, Settings = SimulatedAccount.Unlimited }))
        {
            before = await AccountCounts.ReadAsync(simulator);
            var expected = TimeSpan.FromSeconds(before.FullRequests / medium.RequestsPerSecond);
            Console.WriteLine(Invariant($"   Large account: {before.Describe()}; a full sync expected to take {expected.TotalMinutes:0.0} minutes here"));
            if (expected > MeasuredLimit)
            {
                simulator.AdvanceClock(Later);
                var applied = MutationPlan.For(before.Counts.Reservations).Apply(simulator);
                changed = (await AccountCounts.ReadAsync(simulator), applied);
            }
        }

        if (changed is not ({ } after, { } mutation))
        {
            return (await MeasureAsync(DatasetOptions.Large, "reconcile-large", "R2. Reconcile cost, Large preset (measured)")).Result;
        }

        var full = before.FullRequests;
        var reconcile = after.ReconcileRequests(mutation);
        var messagePages = reconcile - after.ListPages;
        var ratio = (double)reconcile / full;
        var expectedMinutes = full / medium.RequestsPerSecond / 60;
        return new BenchmarkResult("reconcile-large",
        [
            Figure.Of("account before the change (Large preset)", before.Describe()),
            Figure.Of("full sync expected to take here, at R1's measured rate (minutes)", expectedMinutes, "0.0"),
            Figure.Of("change (as in R1)", mutation.Describe(before.Counts.Reservations)),
            Figure.Of("conversations that got new messages", mutation.Touched.Count),
            Figure.Of("full sync requests (computed)", full),
            Figure.Of("reconcile requests (computed)", reconcile),
            Figure.Of("  list pages, message pages (computed)", Invariant($"{after.ListPages:N0}, {messagePages:N0}")),
            Figure.Of("reconcile ÷ full (computed)", ratio, "0.0000"),
            Figure.Of("second reconcile requests (computed: the list pages)", after.ListPages),
            Figure.Of("account and change read, seconds (no sync)", clock.Elapsed.TotalSeconds, "0.0"),
        ], "reconcile ÷ full ≤ 0.03 (computed; equality with the ground truth is not checked without a sync)", ratio <= 0.03)
        {
            Title = "R2. Reconcile cost, Large preset (computed, not measured)",
            Headline = Invariant($"reconcile ÷ full = {ratio:0.0000} computed ({reconcile:N0} of {full:N0} requests); not measured: a full sync would take about {expectedMinutes:0} minutes here"),
            Method = Invariant($"Computed, not measured: at R1's measured rate ({medium.RequestsPerSecond:0} requests/s) a Large full sync would take about {expectedMinutes:0} minutes on this machine, more than the {MeasuredLimit.TotalMinutes:0} allowed, so no sync runs. A Large simulator (seed 42) is generated, its counts read, the clock moved and the same change as R1's applied, and its counts read again. Full = list pages of listings, reservations and conversations (⌊n/100⌋ + 1 each, as a list ends only at a short page) + for each conversation one message page per 100 messages of every status (at least 1). Reconcile = the list pages after the change + the message pages, after the change, of the conversations that got new messages (new conversations included), as a reconcile fetches messages only for conversations that are new or whose last message moved (the files being as written; R1's measured figures match this computation). Second reconcile = the list pages."),
            Note = Invariant($"On R1's Medium account the same computation gives {medium.ComputedFull:N0} full and {medium.ComputedReconcile:N0} reconcile requests against the {medium.MeasuredFull:N0} and {medium.MeasuredReconcile:N0} measured."),
        };
    }

    /// <summary>
    /// Why the ratio is what it is (the list pages, which a reconcile reads all of, and the message pages against the
    /// conversations the change touched), and what the reconcile's counts of changed rows correspond to in the change.
    /// </summary>
    private static string Note(SimulatorStats stats, long fullRequests, AppliedMutation mutation, SyncRunResult reconcile)
    {
        var lists = ListEndpoints.Sum(e => stats.RequestsByEndpoint.GetValueOrDefault(e));
        var messages = stats.RequestsByEndpoint.GetValueOrDefault(MessagesEndpoint);
        var beyond = messages - mutation.Touched.Count;
        var reservations = reconcile.Resources.FirstOrDefault(r => r.Resource == SyncResources.Reservations);
        return Invariant($"Where the requests went: {lists:N0} list pages, which a reconcile reads in full whatever changed ({(double)lists / fullRequests:0.0000} of the full sync by themselves, the floor of the ratio), and {messages:N0} message pages for the {mutation.Touched.Count:N0} conversations the change gave messages (")
            + (beyond == 0 ? "one page each, none for any other conversation" : Invariant($"{beyond:N0} more than one page each: see the check's line"))
            + Invariant($"). The reconcile's {reservations?.Updated ?? 0:N0} reservation updates are the {mutation.ChangedReservations:N0} reservations whose JSON changed in the API (updated, cancelled, or their latestActivityOn moved with new messages), and its listing updates the listings whose latestActivityOn moved with their reservations'; no listing was edited. ")
            + Invariant($"The deleted listing had {mutation.Listing.DeletedReservationIds.Count:N0} reservations, ")
            + (mutation.Rest.DeletedReservationIds.Count == 0
                ? "more than 0.2% of the account by itself, so no reservation was deleted on its own and the deleted share is the figure above rather than 0.2%."
                : "so single reservations made up the rest of the 0.2%.");
    }

    private static string Split(SimulatorStats stats)
    {
        var lists = ListEndpoints.Sum(e => stats.RequestsByEndpoint.GetValueOrDefault(e));
        var messages = stats.RequestsByEndpoint.GetValueOrDefault(MessagesEndpoint);
        return Invariant($"{lists:N0}, {messages:N0}, {SyncBenchmarks.DataRequests(stats) - lists - messages:N0}");
    }

    private static IEnumerable<Figure> Resources(SyncRunResult run) => run.Resources.Select(r => Figure.Of(
        $"  {r.Resource}: requests, created, updated, deleted, messages added",
        Invariant($"{r.Requests:N0}, {r.Created:N0}, {r.Updated:N0}, {r.Deleted:N0}, {r.Messages:N0}")));

    /// <summary>How many of the ids the change deleted the database holds as deleted, out of how many, per table.</summary>
    private static string DeletionsMarked(string databasePath, AppliedMutation mutation)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        string Marked(string table, string idColumn, IReadOnlyCollection<long> ids) =>
            Invariant($"{db.ExecuteScalar<long>($"SELECT count(*) FROM {table} WHERE deleted_at IS NOT NULL AND {idColumn} IN @Ids;", new { Ids = ids })} of {ids.Count}");
        return string.Join(", ", Marked("listings", "listing_id", mutation.DeletedListings), Marked("reservations", "reservation_id", mutation.DeletedReservations), Marked("conversations", "conversation_id", mutation.DeletedConversations));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>R1's outcome, with what R2 needs of it.</summary>
    private sealed record Measured(BenchmarkResult Result, double RequestsPerSecond, long ComputedFull, long ComputedReconcile, long MeasuredFull, long MeasuredReconcile);

    /// <summary>An account's counts and messages per conversation (every status), and the requests computed from them.</summary>
    private sealed record AccountCounts(GroundTruthCounts Counts, IReadOnlyDictionary<long, int> MessagesByConversation)
    {
        public static async Task<AccountCounts> ReadAsync(HostawaySimulator simulator)
        {
            var counts = simulator.GetCounts();
            var messages = (await GroundTruthFeed.MessageKeysAsync(simulator)).CountBy(m => m.ConversationId).ToDictionary(p => p.Key, p => p.Value);
            return new AccountCounts(counts, messages);
        }

        /// <summary>A list ends at its first short page: ⌊n/100⌋ + 1 pages for each of the three lists.</summary>
        public long ListPages => (Counts.Listings / 100) + 1 + (Counts.Reservations / 100) + 1 + (Counts.Conversations / 100) + 1;

        /// <summary>The list pages and every live conversation's message pages.</summary>
        public long FullRequests => ListPages + MessagePages(Counts.SentMessagesByConversation.Keys);

        /// <summary>The list pages and the message pages of the live conversations the change gave messages.</summary>
        public long ReconcileRequests(AppliedMutation mutation) => ListPages + MessagePages(mutation.Touched);

        public string Describe() => Invariant($"{Counts.Listings:N0} listings, {Counts.Reservations:N0} reservations, {Counts.Conversations:N0} conversations, {Counts.Messages:N0} messages");

        /// <summary>One page per 100 messages (every status), at least one, for each of these conversations still live.</summary>
        private long MessagePages(IEnumerable<long> conversations) => conversations.Where(Counts.SentMessagesByConversation.ContainsKey)
            .Sum(id => Math.Max(1L, (MessagesByConversation.GetValueOrDefault(id) + 99L) / 100));
    }

    /// <summary>
    /// The change for an account of n reservations: 1% changed (3/5 updated, 1/5 new, 1/5 cancelled), 0.2% deleted (a
    /// listing with its reservations first, then single reservations up to 0.2%), one conversation deleted on its own per
    /// 2,000 reservations, and new messages numbering 1% of the reservations.
    /// </summary>
    private sealed record MutationPlan(int Updated, int Created, int Cancelled, int Deleted, int NewMessages, int DeletedConversations)
    {
        public static MutationPlan For(int reservations)
        {
            var changed = reservations / 100;
            var updated = changed * 3 / 5;
            var created = changed / 5;
            return new MutationPlan(updated, created, changed - updated - created, reservations / 500, reservations / 100, Math.Max(1, reservations / 2_000));
        }

        /// <summary>Deletes the listing first, so the single deletions only make up what it lacked of 0.2%.</summary>
        public AppliedMutation Apply(HostawaySimulator simulator)
        {
            var listing = simulator.Mutate(new MutationRequest { DeletedListingsWithReservations = 1, Seed = 7 });
            var rest = simulator.Mutate(new MutationRequest
            {
                UpdatedReservations = Updated,
                NewReservations = Created,
                CancelledReservations = Cancelled,
                DeletedReservations = Math.Max(0, Deleted - listing.DeletedReservationIds.Count),
                NewMessages = NewMessages,
                DeletedConversations = DeletedConversations,
                Seed = 8,
            });
            return new AppliedMutation(this, listing, rest);
        }
    }

    /// <summary>What the two mutation calls of a <see cref="MutationPlan"/> did.</summary>
    private sealed record AppliedMutation(MutationPlan Plan, MutationReport Listing, MutationReport Rest)
    {
        public IReadOnlyCollection<long> DeletedListings => [.. Listing.DeletedListingIds, .. Rest.DeletedListingIds];

        public IReadOnlyCollection<long> DeletedReservations => [.. Listing.DeletedReservationIds, .. Rest.DeletedReservationIds];

        public IReadOnlyCollection<long> DeletedConversations => [.. Listing.DeletedConversationIds, .. Rest.DeletedConversationIds];

        /// <summary>Reservations whose JSON changed without being created or deleted: updated, cancelled, or whose latestActivityOn moved with new messages.</summary>
        public int ChangedReservations => Rest.UpdatedReservationIds.Union(Rest.CancelledReservationIds).Union(Rest.ReservationIdsWithNewMessages).Count();

        /// <summary>Conversations that got new messages, new ones included.</summary>
        public IReadOnlyCollection<long> Touched => [.. Rest.ConversationIdsWithNewMessages.Union(Rest.NewConversationIds)];

        public string Describe(int reservations)
        {
            var changed = Rest.UpdatedReservationIds.Count + Rest.NewReservationIds.Count + Rest.CancelledReservationIds.Count;
            return Invariant($"{Rest.UpdatedReservationIds.Count:N0} reservations updated, {Rest.NewReservationIds.Count:N0} new, {Rest.CancelledReservationIds.Count:N0} cancelled ({(double)changed / reservations:0.0%}); ")
                + Invariant($"{DeletedReservations.Count:N0} reservations deleted ({(double)DeletedReservations.Count / reservations:0.00%}): {Listing.DeletedReservationIds.Count:N0} with listing {string.Join(", ", Listing.DeletedListingIds)}, {Rest.DeletedReservationIds.Count:N0} on their own; ")
                + Invariant($"{DeletedConversations.Count:N0} conversations deleted ({Plan.DeletedConversations:N0} on their own, the others with their reservations); ")
                + Invariant($"{Rest.NewMessageIds.Count:N0} new messages in {Touched.Count:N0} conversations ({Rest.NewConversationIds.Count:N0} of them new)");
        }
    }

    /// <summary>Keeps a run's information messages, for the reconcile's account of which conversations it fetched and why.</summary>
    private sealed class InfoLog : ISyncLog
    {
        private readonly List<string> _lines = [];

        /// <summary>The conversation check's line ("Checked n conversations: fetching the messages of ..."), or "none".</summary>
        public string Check
        {
            get
            {
                lock (_lines)
                {
                    return _lines.LastOrDefault(l => l.StartsWith("Checked ", StringComparison.Ordinal)) ?? "none";
                }
            }
        }

        public bool IsEnabled(SyncLogLevel level) => level >= SyncLogLevel.Information;

        public void Write(SyncLogLevel level, string message)
        {
            lock (_lines)
            {
                _lines.Add(message);
            }
        }
    }
}
