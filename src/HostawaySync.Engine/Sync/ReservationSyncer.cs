using System.Globalization;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Reservations (and the guests derived from them), each page stored with its checkpoint (consecutive pages share
/// units of work, see <see cref="IStorePages"/>).
/// Full: every page in the API's default order (updatedOn descending, afterId cursor); at the end, stored
/// reservations the API no longer has are marked deleted. Incremental: two cheap passes, both in the
/// default order: "changes" stops at the first reservation older than the cursor's updatedOn minus the
/// overlap; "activity" reads the reservations with activity since the cursor's date (the latestActivity
/// filter is date-granular), which catches new messages, since they move latestActivityOn but not updatedOn.
/// An interrupted pass resumes after the last stored page; a resumed full pass then re-reads the front of the
/// order, where whatever changed in the meantime went.
/// </summary>
internal static class ReservationSyncer
{
    private const string Resource = "reservations";

    public static async Task<ResourceOutcome> RunAsync(SyncContext context, SyncMode requested)
    {
        var state = context.Store.ReadState(Resource);
        var cursor = ReservationCursor.Parse(state?.Cursor);
        var checkpoint = ReservationCheckpoint.Parse(state?.Checkpoint);
        var mode = ModeFor(state, requested);
        var full = mode != SyncMode.Incremental;
        var outcome = new ResourceOutcome(mode, state?.Cursor);
        if (full)
        {
            // A full pass and a reconcile read the same full list; an unfinished one is resumed in the mode now running.
            await RunFullAsync(context, checkpoint?.Pass == "full" ? checkpoint with { Mode = mode } : null, cursor, outcome).ConfigureAwait(false);
        }
        else
        {
            await RunIncrementalAsync(context, checkpoint, cursor!, outcome).ConfigureAwait(false);
        }

        context.Report(SyncResources.Reservations, "Reservations done", outcome.Counts.Created + outcome.Counts.Updated + outcome.Counts.Unchanged, null, completed: true);
        return outcome;
    }

    /// <summary>
    /// The mode the reservations pass runs in when <paramref name="requested"/> is asked for and the store holds
    /// <paramref name="state"/>: an unfinished full list pass is resumed (in the mode it serves, unless Full is asked for);
    /// a store never synced gets a full pass; otherwise what was asked. Full and Reconcile read the same full list pass.
    /// </summary>
    internal static SyncMode ModeFor(SyncStateRow? state, SyncMode requested)
    {
        var checkpoint = ReservationCheckpoint.Parse(state?.Checkpoint);
        if (requested == SyncMode.Full)
        {
            return SyncMode.Full;
        }

        if (checkpoint?.Pass == "full")
        {
            return checkpoint.Mode ?? SyncMode.Full;
        }

        return ReservationCursor.Parse(state?.Cursor)?.UpdatedOn is null ? SyncMode.Full : requested;
    }

    /// <summary>
    /// A reconcile run records, before its first pass, that the reservations are to be reconciled (a full list pass not
    /// begun yet), so a run killed even before this pass began leaves a reconcile that the next run, whatever it asks for,
    /// finishes. An unfinished pass already recorded is left as it is.
    /// </summary>
    internal static void RecordReconcile(IStoreWork work, SyncStateRow? state, string now)
    {
        if (ReservationCursor.Parse(state?.Cursor)?.UpdatedOn is not null && ReservationCheckpoint.Parse(state?.Checkpoint) is null)
        {
            work.SaveCheckpoint(Resource, new ReservationCheckpoint("full", null, null, null, new ReservationCursor(null, null), SyncMode.Reconcile).ToJson(), now);
        }
    }

    private static async Task RunFullAsync(SyncContext context, ReservationCheckpoint? resume, ReservationCursor? cursor, ResourceOutcome outcome)
    {
        var checkpoint = resume ?? new ReservationCheckpoint("full", null, null, null, new ReservationCursor(null, null), outcome.Mode);
        if (resume is null)
        {
            context.InTransaction(work =>
            {
                work.ClearSeen(Resource);
                work.SaveCheckpoint(Resource, checkpoint.ToJson(), context.Now);
            });
        }
        else if (resume.AfterId is not null)
        {
            context.Info(string.Create(CultureInfo.InvariantCulture, $"Resuming the interrupted full reservations pass after reservation {resume.AfterId}."));
        }

        var tally = new PassTally();
        var finished = await RunPassAsync(context, checkpoint, new ReservationQuery(), markSeen: true, outcome, tally).ConfigureAwait(false);
        // Only a reading from the start of the list gives the total under every reading of the API's count.
        var total = resume?.AfterId is null ? tally.ApiCount : null;
        var overlap = context.Options.IncrementalOverlap;
        if (resume?.AfterId is not null && resume.Seen.UpdatedOn is { } passStart)
        {
            var activitySince = DateOnly.FromDateTime((resume.Seen.LatestActivityOn ?? passStart) - overlap);
            context.Info(string.Create(CultureInfo.InvariantCulture, $"The full reservations pass was resumed; reading reservations changed since {passStart - overlap:yyyy-MM-dd HH:mm:ss} UTC or active since {activitySince:yyyy-MM-dd} again."));
            var changes = new PassTally();
            finished = await CatchUpAsync(context, finished, new ReservationQuery(), passStart - overlap, outcome, changes).ConfigureAwait(false);
            total = changes.ApiCount;
            finished = await CatchUpAsync(context, finished, new ReservationQuery { LatestActivityStart = activitySince }, null, outcome, new PassTally()).ConfigureAwait(false);

            // Reservations seen before the interruption and deleted since are still marked seen, so the deletion check would
            // keep them; the API's count says whether there are any. Which ones, only a pass from the start can tell.
            if (total is { } counted && context.Store.SeenCount(Resource) > counted)
            {
                context.Info("Reservations were deleted while the full pass was interrupted; reading every page again to find them.");
                var restart = new ReservationCheckpoint("full", null, null, null, finished.Seen, outcome.Mode);
                context.InTransaction(work =>
                {
                    work.ClearSeen(Resource);
                    work.SaveCheckpoint(Resource, restart.ToJson(), context.Now);
                });
                tally = new PassTally();
                finished = await RunPassAsync(context, restart, new ReservationQuery(), markSeen: true, outcome, tally).ConfigureAwait(false);
                total = tally.ApiCount;
            }
        }

        // Reservations updated while the pass read further back moved to the front of the order, behind its cursor (rows
        // served twice, or fewer seen than counted, show it; with no count from the API nothing can, so it is always done):
        // the front is read again down to where the pass began.
        if (tally.EndProven && (tally.Duplicates > 0 || total is not { } expected || context.Store.SeenCount(Resource) < expected)
            && finished.Seen.UpdatedOn is { } newest)
        {
            context.Debug("Reservations moved while the full pass read them; reading the newest ones again.");
            var again = new PassTally();
            finished = await CatchUpAsync(context, finished, new ReservationQuery(), newest - overlap, outcome, again).ConfigureAwait(false);
            total = again.ApiCount ?? total;
        }

        var seen = context.Store.SeenCount(Resource) + tally.Unreadable.Count;
        var complete = tally.EndProven && (total is not { } all || seen >= all);
        if (tally.Unreadable.Count > 0)
        {
            outcome.Problems.Add(ApiErrors.Unreadable("reservations", tally.Unreadable));
        }

        if (!complete)
        {
            outcome.Problems.Add(ApiErrors.Incomplete("reservations", PassTally.Describe("reservations", seen, total, tally.Shortfall)));
        }

        var gone = await DeletionCheck.ConfirmAsync(
            context, Resource, StoreTable.Reservations, complete ? total : null,
            async (id, token) => await context.Client.GetReservationAsync(id, token).ConfigureAwait(false),
            (work, reservation) => outcome.Counts.Add(work.WriteReservations([reservation], context.Now))).ConfigureAwait(false);
        var newCursor = finished.Seen.Max(cursor);
        context.InTransaction(work =>
        {
            outcome.Counts.Deleted += work.SoftDeleteReservations(gone, context.Now);
            work.ClearSeen(Resource);
            if (complete)
            {
                work.CompletePass(Resource, newCursor.ToJson(), full: true, context.Now);
            }
            else
            {
                // Not a finished pass: the next run reads every page again, from the start.
                work.SaveCheckpoint(Resource, new ReservationCheckpoint("full", null, null, null, finished.Seen, outcome.Mode).ToJson(), context.Now);
            }
        });
        outcome.CursorAfter = complete ? newCursor.ToJson() : outcome.CursorBefore;
    }

    private static async Task RunIncrementalAsync(SyncContext context, ReservationCheckpoint? resume, ReservationCursor cursor, ResourceOutcome outcome)
    {
        var overlap = context.Options.IncrementalOverlap;
        var checkpoint = resume?.Pass is "changes" or "activity"
            ? resume
            : new ReservationCheckpoint("changes", null, cursor.UpdatedOn!.Value - overlap, null, new ReservationCursor(null, null));
        if (checkpoint.Pass == "changes")
        {
            context.Debug(string.Create(CultureInfo.InvariantCulture, $"Reading reservations changed since {checkpoint.UpdatedBound:yyyy-MM-dd HH:mm:ss} UTC (newest first)."));
            checkpoint = await RunPassAsync(context, checkpoint, new ReservationQuery(), markSeen: false, outcome, new PassTally()).ConfigureAwait(false);
            var since = DateOnly.FromDateTime((cursor.LatestActivityOn ?? cursor.UpdatedOn!.Value) - overlap);
            checkpoint = new ReservationCheckpoint("activity", null, null, since, checkpoint.Seen);
            var next = checkpoint;
            context.InTransaction(work => work.SaveCheckpoint(Resource, next.ToJson(), context.Now));
        }

        context.Debug(string.Create(CultureInfo.InvariantCulture, $"Reading reservations with activity since {checkpoint.ActivitySince:yyyy-MM-dd}."));
        var activity = new PassTally();
        checkpoint = await RunPassAsync(context, checkpoint, new ReservationQuery { LatestActivityStart = checkpoint.ActivitySince }, markSeen: false, outcome, activity).ConfigureAwait(false);
        if (activity.Unreadable.Count > 0)
        {
            outcome.Problems.Add(ApiErrors.Unreadable("reservations", activity.Unreadable));
        }
        var newCursor = cursor.Max(checkpoint.Seen);
        context.InTransaction(work => work.CompletePass(Resource, newCursor.ToJson(), full: false, context.Now));
        outcome.CursorAfter = newCursor.ToJson();
    }

    /// <summary>
    /// A full pass resumed in a later run has not seen what changed in between: new and updated reservations moved to the
    /// front of the updatedOn order, before the point it resumed from, and reservations with new messages changed their
    /// latestActivityOn without moving. The two incremental passes read them again (the first stops at
    /// <paramref name="updatedBound"/>), counting them as seen. No checkpoint: if this is interrupted too, the next run
    /// resumes the finished pass and repeats these.
    /// </summary>
    private static async Task<ReservationCheckpoint> CatchUpAsync(
        SyncContext context, ReservationCheckpoint finished, ReservationQuery query, DateTime? updatedBound, ResourceOutcome outcome, PassTally tally)
    {
        var seen = finished.Seen;
        await foreach (var page in context.Client.GetReservationPagesAsync(query, null, tally, context.CancellationToken).ConfigureAwait(false))
        {
            seen = seen.Max(Newest(page.Items));
            var now = context.Now;
            context.InTransaction(work =>
            {
                outcome.Counts.Add(work.WriteReservations(page.Items, now));
                work.MarkSeen(Resource, page.Items.Select(r => r.Id).Concat(page.UnreadableIds));
            });
            if (updatedBound is { } bound && page.Items.Any(r => r.UpdatedOn < bound))
            {
                break;
            }
        }

        return finished with { Seen = seen };
    }

    /// <summary>
    /// Pages from the checkpoint on; each page is stored with the checkpoint it reaches, consecutive pages in shared
    /// units of work (<see cref="IStorePages"/>). Returns the final checkpoint; what the pass saw is in <paramref name="tally"/>.
    /// </summary>
    private static async Task<ReservationCheckpoint> RunPassAsync(
        SyncContext context, ReservationCheckpoint checkpoint, ReservationQuery query, bool markSeen, ResourceOutcome outcome, PassTally tally)
    {
        long done = 0;
        using var pages = context.Store.BeginPages(context.Options.Client.TimeProvider);
        await foreach (var page in context.Client.GetReservationPagesAsync(query, checkpoint.AfterId, tally, context.CancellationToken).ConfigureAwait(false))
        {
            var next = checkpoint with { AfterId = page.LastId ?? checkpoint.AfterId, Seen = checkpoint.Seen.Max(Newest(page.Items)) };
            var now = context.Now;
            pages.Write(page.Items.Count, work => outcome.Counts.Add(StorePage(work, page.Items, markSeen ? page.UnreadableIds : null, next.ToJson(), now)));
            checkpoint = next;
            done += page.Items.Count;
            context.Report(SyncResources.Reservations, checkpoint.Pass == "full" ? "Fetching reservations" : "Fetching changed reservations", done, tally.ApiCount);
            if (checkpoint.UpdatedBound is { } bound && page.Items.Any(r => r.UpdatedOn < bound))
            {
                break;
            }
        }

        return checkpoint;
    }

    private static ReservationCursor? Newest(IReadOnlyList<HostawayReservation> reservations) =>
        reservations.Count == 0 ? null : new ReservationCursor(reservations.Max(r => r.UpdatedOn), reservations.Max(r => r.LatestActivityOn));

    /// <summary>
    /// One page of a pass: the reservations and their guests, the ids a full pass has seen (with <paramref name="markSeenWith"/>,
    /// the ids of its unreadable rows), the checkpoint it reaches.
    /// </summary>
    internal static UpsertCounts StorePage(
        IStoreWork work, IReadOnlyList<HostawayReservation> reservations, IEnumerable<long>? markSeenWith, string checkpoint, string now)
    {
        var counts = work.WriteReservations(reservations, now);
        if (markSeenWith is not null)
        {
            work.MarkSeen(Resource, reservations.Select(r => r.Id).Concat(markSeenWith));
        }

        work.SaveCheckpoint(Resource, checkpoint, now);
        return counts;
    }
}
