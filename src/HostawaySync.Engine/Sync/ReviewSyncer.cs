using System.Globalization;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Reviews have no update time in the API, so a change is found only by reading the review again. A full pass (and a
/// reconcile, which is the same pass) reads every review and marks those no longer listed deleted. An incremental pass
/// reads again the reviews that can still change: those whose stay departed within <see cref="SyncOptions.ReviewWindow"/>
/// of the previous pass (the channels' review periods and a late host response all fall within it), plus every later
/// one; a stored review of that window that it no longer lists is asked for on its own (deleted, or moved out of the
/// window). Its cursor is the instant the pass was reading from, committed with its last page.
/// </summary>
internal static class ReviewSyncer
{
    private const string Resource = "reviews";

    public static async Task<ResourceOutcome> RunAsync(SyncContext context, SyncMode requested)
    {
        var state = context.Store.ReadState(Resource);
        var mode = ModeFor(state, requested);
        var reference = Reference(context);
        var outcome = new ResourceOutcome(mode, state?.Cursor);
        DateOnly? windowStart = mode == SyncMode.Incremental
            ? DateOnly.FromDateTime(Min(reference, StoreClock.Parse(state?.Cursor)) - context.Options.ReviewWindow)
            : null;
        if (windowStart is { } start)
        {
            context.Debug(string.Create(CultureInfo.InvariantCulture, $"Reviews: reading those departing on or after {start:yyyy-MM-dd} (the review window of {context.Options.ReviewWindow.TotalDays:0.#} days before the previous pass)."));
        }

        // The pass records what it is before its first page, so an interrupted full pass or reconcile is finished by the next run.
        context.InTransaction(work =>
        {
            work.ClearSeen(Resource);
            if (mode != SyncMode.Incremental)
            {
                work.SaveCheckpoint(Resource, mode.ToString(), context.Now);
            }
        });
        var tally = new PassTally();
        long done = 0;
        await foreach (var page in context.Client.GetReviewPagesAsync(windowStart, tally, context.CancellationToken).ConfigureAwait(false))
        {
            var now = context.Now;
            context.InTransaction(work =>
            {
                outcome.Counts.Add(work.WriteReviews(page.Items, now));
                work.MarkSeen(Resource, page.Items.Select(r => r.Id).Concat(page.UnreadableIds));
            });
            done += page.Items.Count;
            context.Report(SyncResources.Reviews, "Fetching reviews", done, tally.ApiCount);
        }

        var complete = outcome.Check(tally, "reviews");
        IReadOnlyList<long> gone;
        if (windowStart is { } since)
        {
            gone = await ConfirmUnseenAsync(context, context.Store.UnseenReviewsDepartingSince(Resource, StoreClock.Format(since)!), outcome).ConfigureAwait(false);
        }
        else
        {
            // Only a complete pass may conclude from its count that the unseen reviews are gone; otherwise each is asked for.
            gone = await DeletionCheck.ConfirmAsync(
                context, Resource, StoreTable.Reviews, complete ? tally.ApiCount : null,
                async (id, token) => await context.Client.GetReviewAsync(id, token).ConfigureAwait(false),
                (work, review) => outcome.Counts.Add(work.WriteReviews([review], context.Now))).ConfigureAwait(false);
        }

        context.InTransaction(work =>
        {
            outcome.Counts.Deleted += work.SoftDelete(StoreTable.Reviews, gone, context.Now);
            work.ClearSeen(Resource);
            if (complete)
            {
                var cursor = StoreClock.Format(reference);
                work.CompletePass(Resource, cursor, full: mode != SyncMode.Incremental, context.Now);
                outcome.CursorAfter = cursor;
            }
        });
        context.Report(SyncResources.Reviews, "Reviews done", done, tally.ApiCount, completed: true);
        return outcome;
    }

    /// <summary>
    /// The mode the reviews pass runs in when <paramref name="requested"/> is asked for: an unfinished full pass or
    /// reconcile is run again in its mode (unless Full is asked for); a store whose reviews were never read completely
    /// gets a full pass; otherwise what was asked. Full and Reconcile read the same list.
    /// </summary>
    internal static SyncMode ModeFor(SyncStateRow? state, SyncMode requested)
    {
        if (requested == SyncMode.Full)
        {
            return SyncMode.Full;
        }

        if (Enum.TryParse<SyncMode>(state?.Checkpoint, out var unfinished) && unfinished != SyncMode.Incremental)
        {
            return unfinished;
        }

        return state?.Cursor is null || state.LastFullSyncAt is null ? SyncMode.Full : requested;
    }

    /// <summary>A reconcile run records the reviews' reconcile before its first pass (see <see cref="ReservationSyncer.RecordReconcile"/>).</summary>
    internal static void RecordReconcile(IStoreWork work, SyncStateRow? state, string now)
    {
        if (state?.Cursor is not null && state.Checkpoint is null)
        {
            work.SaveCheckpoint(Resource, nameof(SyncMode.Reconcile), now);
        }
    }

    /// <summary>
    /// The instant the pass counts as reading from: now, or the API's clock or the newest reservation activity stored when
    /// either is earlier (a window measured from a clock ahead of the API's would start too late and miss changes).
    /// </summary>
    private static DateTime Reference(SyncContext context)
    {
        var now = context.Options.Client.TimeProvider.GetUtcNow().UtcDateTime;
        var server = context.Client.ServerTime?.UtcDateTime;
        var activity = StoreClock.Parse(context.Store.NewestReservationActivity());
        return Min(Min(now, server), activity);
    }

    private static DateTime Min(DateTime value, DateTime? other) => other is { } o && o < value ? o : value;

    /// <summary>Asks for each stored review of the window the pass did not list: gone if the API no longer has it, stored again if it does.</summary>
    private static async Task<IReadOnlyList<long>> ConfirmUnseenAsync(SyncContext context, IReadOnlyList<long> unseen, ResourceOutcome outcome)
    {
        var gone = new List<long>();
        foreach (var id in unseen)
        {
            var current = await context.Client.GetReviewAsync(id, context.CancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                gone.Add(id);
            }
            else
            {
                context.InTransaction(work => outcome.Counts.Add(work.WriteReviews([current], context.Now)));
            }
        }

        return gone;
    }
}
