using System.Globalization;
using System.Text.Json;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Conversations and their messages. The API has no date filter for either, so:
/// Full lists every conversation (one transaction per page), marks the vanished ones deleted, then fetches
/// every conversation's messages, several at a time, writing each conversation's file and metadata as it
/// arrives; each conversation records the run that stored it, so an interrupted full pass resumes where it
/// stopped. Incremental fetches conversations and messages only for reservations whose latest activity
/// moved since their conversations were last fetched (a durable marker on the reservation).
/// </summary>
internal static class ConversationSyncer
{
    private const string Resource = "conversations";

    public static async Task<ResourceOutcome> RunAsync(SyncContext context, SyncMode requested)
    {
        var state = context.Store.ReadState(Resource);
        var checkpoint = FullCheckpoint.Parse(state?.Checkpoint);
        var mode = ModeFor(state, requested);
        var full = mode != SyncMode.Incremental;
        var outcome = new ResourceOutcome(mode, state?.Cursor);
        var files = new ConversationSaver(context);
        // Activity times have one-second resolution: a message in the very second its conversation was fetched leaves
        // latestActivityOn as it was. The next pass therefore checks again every reservation active since this one began.
        var horizon = Horizon(context);
        if (mode == SyncMode.Reconcile)
        {
            await RunReconcileAsync(context, checkpoint?.Mode == SyncMode.Reconcile ? checkpoint : null, files, outcome, horizon).ConfigureAwait(false);
        }
        else if (full)
        {
            await RunFullAsync(context, checkpoint?.Mode is null or SyncMode.Full ? checkpoint : null, files, outcome, horizon).ConfigureAwait(false);
        }
        else
        {
            await RunIncrementalAsync(context, files, outcome, horizon).ConfigureAwait(false);
        }

        ChatLogImporter.Run(context);
        outcome.Messages = files.MessagesAdded;
        return outcome;
    }

    /// <summary>
    /// The mode the conversations pass runs in when <paramref name="requested"/> is asked for and the store holds
    /// <paramref name="state"/>: an unfinished full or reconcile pass is resumed (unless Full is asked for); a store whose
    /// conversations were never synced gets a full pass; otherwise what was asked.
    /// </summary>
    internal static SyncMode ModeFor(SyncStateRow? state, SyncMode requested)
    {
        if (requested == SyncMode.Full)
        {
            return SyncMode.Full;
        }

        if (FullCheckpoint.Parse(state?.Checkpoint) is { } checkpoint)
        {
            return checkpoint.Mode ?? SyncMode.Full;
        }

        return state?.LastSuccessAt is null ? SyncMode.Full : requested;
    }

    /// <summary>
    /// A reconcile run records, before its first pass, that the conversations are to be reconciled, so a run killed even
    /// before this pass began leaves a reconcile that the next run finishes (see <see cref="ReservationSyncer.RecordReconcile"/>).
    /// </summary>
    internal static void RecordReconcile(IStoreWork work, SyncStateRow? state, string runId, string now)
    {
        if (state?.LastSuccessAt is not null && FullCheckpoint.Parse(state.Checkpoint) is null)
        {
            work.SaveCheckpoint(Resource, JsonSerializer.Serialize(new FullCheckpoint(runId, null, SyncMode.Reconcile)), now);
        }
    }

    private static async Task RunFullAsync(SyncContext context, FullCheckpoint? resume, ConversationSaver files, ResourceOutcome outcome, string horizon)
    {
        var checkpoint = resume ?? new FullCheckpoint(context.RunId, horizon);
        horizon = checkpoint.Horizon ?? horizon; // a resumed pass keeps the horizon of its start
        if (resume is null)
        {
            context.InTransaction(work =>
            {
                work.ClearSeen(ConversationSaver.MessagesDoneResource);
                work.SaveCheckpoint(Resource, JsonSerializer.Serialize(checkpoint), context.Now);
            });
        }
        else
        {
            context.Info($"Resuming the interrupted full conversations pass of run {resume.RunKey}.");
        }

        var listedSince = context.Now;
        var complete = await ListEveryConversationAsync(context, outcome).ConfigureAwait(false);
        if (resume is not null)
        {
            // Conversations whose messages the interrupted run stored may have new ones since: their row changed in this
            // listing, or their reservation's activity moved past what was fetched. Those are fetched again.
            context.InTransaction(work => work.ForgetConversationsChangedSince(ConversationSaver.MessagesDoneResource, listedSince));
        }

        var due = context.Store.ConversationsDueForMessages(ConversationSaver.MessagesDoneResource);
        context.Debug(string.Create(CultureInfo.InvariantCulture, $"Fetching the messages of {due.Count} conversations."));
        complete &= await FetchMessagesOfAsync(context, due, files, outcome, fullPass: true, "Fetching messages").ConfigureAwait(false);

        context.InTransaction(work =>
        {
            // Reservations without any conversation have nothing more to fetch until their activity moves.
            work.MarkConversationlessReservationsSynced();
            work.ClearSeen(Resource);
            if (complete)
            {
                work.ClearSeen(ConversationSaver.MessagesDoneResource);
                work.CompletePass(Resource, horizon, full: true, context.Now);
            }

            // Otherwise the checkpoint stays: the next run resumes this full pass, lists the conversations again and fetches
            // the messages of those not stored yet.
        });
        context.Report(SyncResources.Conversations, "Conversations done", due.Count, due.Count, completed: true);
    }

    /// <summary>
    /// Lists every conversation (one transaction per page), reaching through the reservations for those a list that cannot
    /// be read to its end did not show, and marks the vanished ones deleted. Returns whether the listing is complete.
    /// </summary>
    private static async Task<bool> ListEveryConversationAsync(SyncContext context, ResourceOutcome outcome)
    {
        // The listing is always complete, resumed or not: what an interrupted run saw is forgotten, or conversations
        // deleted since would count as seen, stay live, and have their messages asked for (HTTP 404) in every later run.
        context.InTransaction(work => work.ClearSeen(Resource));

        var tally = new PassTally();
        long listed = 0;
        await foreach (var page in context.Client.GetConversationPagesAsync(null, tally, context.CancellationToken).ConfigureAwait(false))
        {
            var now = context.Now;
            context.InTransaction(work =>
            {
                outcome.Counts.Add(work.WriteConversations(page.Items, now));
                work.MarkSeen(Resource, page.Items.Select(c => c.Id).Concat(page.UnreadableIds));
            });
            listed += page.Items.Count;
            context.Report(SyncResources.Conversations, "Listing conversations", listed, tally.ApiCount);
        }

        var complete = tally.Complete || await ReachThroughReservationsAsync(context, tally, outcome).ConfigureAwait(false);
        if (tally.Unreadable.Count > 0)
        {
            outcome.Problems.Add(ApiErrors.Unreadable("conversations", tally.Unreadable));
        }

        var gone = await DeletionCheck.ConfirmAsync(
            context, Resource, StoreTable.Conversations, complete ? tally.ApiCount : null,
            async (id, token) => await context.Client.GetConversationAsync(id, token).ConfigureAwait(false),
            (work, conversation) => outcome.Counts.Add(work.WriteConversations([conversation], context.Now))).ConfigureAwait(false);
        context.InTransaction(work => outcome.Counts.Deleted += work.SoftDelete(StoreTable.Conversations, gone, context.Now));
        return complete;
    }

    /// <summary>
    /// A reconcile: every conversation listed (deletions included) as in a full pass, then messages fetched only for the
    /// conversations that are new, whose list entry changed since their messages were stored, or whose file is missing or
    /// not what HostawaySync wrote (<see cref="ConversationFileCheck"/>); files whose header facts changed are written again
    /// from their own messages. Resumable without a list of what was done: a conversation whose messages were stored has
    /// its marks equal and its file stamped, so a resumed pass does not fetch it again unless it changed since.
    /// </summary>
    private static async Task RunReconcileAsync(SyncContext context, FullCheckpoint? resume, ConversationSaver files, ResourceOutcome outcome, string horizon)
    {
        var checkpoint = resume ?? new FullCheckpoint(context.RunId, horizon, SyncMode.Reconcile);
        horizon = checkpoint.Horizon ?? horizon;
        if (resume is null)
        {
            context.InTransaction(work => work.SaveCheckpoint(Resource, JsonSerializer.Serialize(checkpoint), context.Now));
        }
        else if (resume.RunKey != context.RunId)
        {
            context.Info($"Resuming the interrupted reconcile of conversations of run {resume.RunKey}.");
        }

        var complete = await ListEveryConversationAsync(context, outcome).ConfigureAwait(false);
        var check = await ConversationFileCheck.RunAsync(context, files).ConfigureAwait(false);
        context.Info(check.Describe());
        complete &= await FetchMessagesOfAsync(context, check.Due, files, outcome, fullPass: false, "Fetching messages of changed conversations").ConfigureAwait(false);

        context.InTransaction(work =>
        {
            work.ClearSeen(Resource);
            if (complete)
            {
                // Every live conversation is now as the API lists it: no reservation has conversations left to fetch.
                work.MarkAllConversationsSynced();
                work.CompletePass(Resource, horizon, full: true, context.Now);
            }

            // Otherwise the checkpoint stays: the next run resumes the reconcile, lists the conversations again and fetches
            // the messages of those still not as the API has them.
        });
        context.Report(SyncResources.Conversations, "Conversations done", check.Due.Count, check.Due.Count, completed: true);
    }

    /// <summary>
    /// Fetches and stores the messages of <paramref name="conversations"/>, several at a time: a conversation the API no
    /// longer has is marked deleted, one whose message list is not whole is not written (and reported). Returns whether
    /// every list was whole.
    /// </summary>
    private static async Task<bool> FetchMessagesOfAsync(
        SyncContext context, IReadOnlyList<long> conversations, ConversationSaver files, ResourceOutcome outcome, bool fullPass, string activity)
    {
        long done = 0;
        var shortLists = new List<string>();
        await ParallelFetch.RunAsync(
            conversations, context.Options.MessageFetchConcurrency,
            (id, token) => FetchMessagesAsync(context, id, token),
            async (id, fetched) =>
            {
                if (fetched.Messages is null)
                {
                    context.InTransaction(work => outcome.Counts.Deleted += work.SoftDelete(StoreTable.Conversations, [id], context.Now));
                }
                else if (Whole(id, fetched.Tally, shortLists))
                {
                    await files.StoreAsync(id, fetched.Messages, fullPass).ConfigureAwait(false);
                }

                context.Report(SyncResources.Conversations, activity, ++done, conversations.Count);
            },
            context.CancellationToken).ConfigureAwait(false);
        return ReportShortLists(shortLists, outcome);
    }

    private static async Task RunIncrementalAsync(SyncContext context, ConversationSaver files, ResourceOutcome outcome, string nextHorizon)
    {
        var shortLists = new List<string>();
        var horizon = ReservationCursor.Parse(context.Store.ReadState(Resource)?.Cursor)?.LatestActivityOn;
        var due = context.Store.ReservationsWithNewActivity(StoreClock.Format(horizon) ?? "9999");
        context.Debug(string.Create(CultureInfo.InvariantCulture, $"{due.Count} reservations have new activity; fetching their conversations and messages."));
        long done = 0;
        await ParallelFetch.RunAsync(
            due, context.Options.MessageFetchConcurrency,
            async (reservationId, token) =>
            {
                var listed = await context.Client.GetReservationConversationsAsync(reservationId, token).ConfigureAwait(false);
                var conversations = new List<HostawayConversation>(listed.Count);
                var messages = new List<IReadOnlyList<HostawayMessage>>(listed.Count);
                var tallies = new List<PassTally>(listed.Count);
                foreach (var conversation in listed)
                {
                    var fetched = await FetchMessagesAsync(context, conversation.Id, token).ConfigureAwait(false);
                    if (fetched.Messages is not null)
                    {
                        conversations.Add(conversation);
                        messages.Add(fetched.Messages);
                        tallies.Add(fetched.Tally);
                    }
                }

                return (Conversations: conversations, Messages: messages, Tallies: tallies);
            },
            async (reservationId, fetched) =>
            {
                context.InTransaction(work => outcome.Counts.Add(work.WriteConversations(fetched.Conversations, context.Now)));
                var whole = true;
                for (var i = 0; i < fetched.Conversations.Count; i++)
                {
                    if (Whole(fetched.Conversations[i].Id, fetched.Tallies[i], shortLists))
                    {
                        await files.StoreAsync(fetched.Conversations[i].Id, fetched.Messages[i], fullPass: false).ConfigureAwait(false);
                    }
                    else
                    {
                        whole = false;
                    }
                }

                // Only now that every conversation of the reservation is stored (a short message list is tried again next run).
                if (whole)
                {
                    context.InTransaction(work => work.MarkConversationsSynced(reservationId));
                }

                context.Report(SyncResources.Conversations, "Fetching conversations of active reservations", ++done, due.Count);
            },
            context.CancellationToken).ConfigureAwait(false);

        ReportShortLists(shortLists, outcome);
        context.InTransaction(work => work.CompletePass(Resource, nextHorizon, full: false, context.Now));
        context.Report(SyncResources.Conversations, "Conversations done", done, due.Count, completed: true);
    }

    /// <summary>
    /// A conversation's messages (null when the conversation no longer exists: deleted, with its reservation, after it was
    /// listed, the messages endpoint answers 404, which must not fail the run, since the next one would meet it again),
    /// and what the paging saw.
    /// </summary>
    private static async Task<(IReadOnlyList<HostawayMessage>? Messages, PassTally Tally)> FetchMessagesAsync(SyncContext context, long conversationId, CancellationToken cancellationToken)
    {
        var tally = new PassTally();
        try
        {
            return (await context.Client.GetMessagesAsync(conversationId, includeScheduled: true, tally, cancellationToken).CollectAsync(cancellationToken).ConfigureAwait(false), tally);
        }
        catch (HostawayException exception) when (exception.ErrorId == ErrorIds.ApiRequestRejected)
        {
            if (await context.Client.GetConversationAsync(conversationId, cancellationToken).ConfigureAwait(false) is not null)
            {
                // The conversation exists but its messages were refused: that conversation's problem, not the run's. It is not
                // written, the resource ends Partial, and the next run asks again.
                tally.Cut("the API refused its messages: " + exception.Message);
                return ([], tally);
            }

            context.Debug(string.Create(CultureInfo.InvariantCulture, $"Conversation {conversationId} was deleted after it was listed."));
            return (null, tally);
        }
    }

    /// <summary>
    /// Whether a conversation's message list is whole. A list that cannot show it holds every message the API counts (or
    /// has unreadable messages) is not written: the file would lose messages it holds, and the next run asks again.
    /// </summary>
    private static bool Whole(long conversationId, PassTally tally, List<string> shortLists)
    {
        if (tally.Complete && tally.Unreadable.Count == 0)
        {
            return true;
        }

        shortLists.Add(string.Create(CultureInfo.InvariantCulture, $"conversation {conversationId}: ")
            + (tally.Unreadable.Count > 0 ? "unreadable messages " + string.Join("; ", tally.Unreadable.Take(2)) : tally.Describe("messages")));
        return false;
    }

    private static bool ReportShortLists(List<string> shortLists, ResourceOutcome outcome)
    {
        if (shortLists.Count == 0)
        {
            return true;
        }

        outcome.Problems.Add(ApiErrors.Incomplete(
            "conversation messages",
            string.Create(CultureInfo.InvariantCulture, $"could not show it saw every message of {shortLists.Count} conversation(s), which were not written: ")
                + string.Join(" | ", shortLists.Take(3)) + (shortLists.Count > 3 ? " | ..." : string.Empty)));
        return false;
    }

    /// <summary>
    /// The conversations list could not be read to its end (an API that stops serving rows past some offset, say): the
    /// conversations it did not show are reached through their reservations (<c>GET /v1/reservations/{id}/conversations</c>),
    /// first the stored reservations none of whose conversations was listed, then, while the API still counts more than
    /// were seen (or gives no count), the others, a batch at a time. Returns whether that made the pass complete.
    /// </summary>
    private static async Task<bool> ReachThroughReservationsAsync(SyncContext context, PassTally tally, ResourceOutcome outcome)
    {
        var first = context.Store.ReservationsWithoutSeenConversation(Resource);
        context.Info(string.Create(CultureInfo.InvariantCulture, $"The conversations list {tally.Describe("conversations")}; asking the reservations for theirs, starting with the {first.Count} none of whose conversations was listed."));
        await AskReservationsAsync(context, first, outcome).ConfigureAwait(false);
        var rest = context.Store.ListedReservations().Except(first).ToList();
        const int Batch = 200;
        for (var i = 0; i < rest.Count && !Reached(context.Store, tally); i += Batch)
        {
            await AskReservationsAsync(context, rest.Skip(i).Take(Batch).ToList(), outcome).ConfigureAwait(false);
        }

        var seen = context.Store.SeenCount(Resource) + tally.Unreadable.Count;
        if (tally.ApiCount is not { } count || seen >= count)
        {
            return true;
        }

        outcome.Problems.Add(ApiErrors.Incomplete(
            "conversations",
            string.Create(CultureInfo.InvariantCulture, $"saw {seen} of the {count} conversations the API counts, after asking every reservation; {tally.Shortfall}")));
        return false;
    }

    /// <summary>Whether the conversations seen reach the API's count (never, when it gives none: then every reservation is asked).</summary>
    private static bool Reached(ISyncStore store, PassTally tally) =>
        tally.ApiCount is { } count && store.SeenCount(Resource) + tally.Unreadable.Count >= count;

    private static Task AskReservationsAsync(SyncContext context, IReadOnlyList<long> reservations, ResourceOutcome outcome) =>
        ParallelFetch.RunAsync(
            reservations, context.Options.MessageFetchConcurrency,
            (id, token) => context.Client.GetReservationConversationsAsync(id, token),
            (_, conversations) =>
            {
                context.InTransaction(work =>
                {
                    outcome.Counts.Add(work.WriteConversations(conversations, context.Now));
                    work.MarkSeen(Resource, conversations.Select(c => c.Id));
                });
                return Task.CompletedTask;
            },
            context.CancellationToken);

    /// <summary>
    /// The conversations cursor: the API's time when this pass began, less a second of resolution (the store's newest
    /// activity less the overlap when the API sends no Date header). Reservations active since then are checked again next time.
    /// </summary>
    private static string Horizon(SyncContext context)
    {
        DateTime? since = context.Client.ServerTime is { } serverTime
            ? serverTime.UtcDateTime.AddSeconds(-1)
            : StoreClock.Parse(context.Store.NewestReservationActivity()) - context.Options.IncrementalOverlap;
        return new ReservationCursor(null, since).ToJson();
    }

    /// <summary>An unfinished full or reconcile pass: the run that began it, its horizon, and its mode (null: Full).</summary>
    private sealed record FullCheckpoint(string RunKey, string? Horizon, SyncMode? Mode = null)
    {
        public static FullCheckpoint? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<FullCheckpoint>(json);
    }
}
