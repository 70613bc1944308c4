using System.Globalization;
using System.Runtime.ExceptionServices;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Runs a sync: prepares the database, takes the writer lock, syncs listings, reservations (with guests),
/// conversations (with messages and files) and reviews in that order, and records the run in the sync log. Returns the
/// outcome rather than throwing for API and store failures; the caller decides how loud a failure is.
/// </summary>
public static class SyncRunner
{
    private const string RunResource = "Run";

    /// <summary>The sync_state rows a run without a plan plans from.</summary>
    private static readonly string[] PlannedStates = ["listings", "reservations", "conversations", "reviews"];

    /// <summary>Runs one sync.</summary>
    public static async Task<SyncRunResult> RunAsync(SyncOptions options, ISyncLog? log = null, ISyncProgress? progress = null, CancellationToken cancellationToken = default)
    {
        log ??= NullSyncLog.Instance;
        var time = options.Client.TimeProvider;
        var startedAt = time.GetUtcNow().UtcDateTime;
        var clock = time.GetTimestamp();
        var runId = string.Create(CultureInfo.InvariantCulture, $"{startedAt:yyyyMMdd'T'HHmmss'Z'}-{Random.Shared.Next(0x10000):x4}");

        var location = options.Store ?? (options.StoreFactory is null ? throw new ArgumentException("SyncOptions.Store (or DatabasePath) is required.", nameof(options)) : null);

        // The database is created or migrated, and its writer lock held, before the store opens.
        using var writerLock = options.StoreFactory is null
            ? await StoreOpener.PrepareForWritingAsync(location!, options.ModuleVersion, options.LockTimeout, time, cancellationToken).ConfigureAwait(false)
            : null;
        using var store = options.StoreFactory?.Invoke() ?? StoreOpener.OpenForWriting(location!, options.ModuleVersion, writerLock);
        var now = StoreClock.Format(startedAt);
        if (BeforeStart(store, () => store.CloseInterruptedLogs(now)) > 0)
        {
            log.Write(SyncLogLevel.Warning, "The previous sync did not finish; this run resumes from its last stored page.");
        }

        var plan = options.Plan ?? BeforeStart(store, () => SyncPlanner.Plan(
            new SyncRequest { Mode = options.Mode, Resources = options.Resources, ReconcileInterval = TimeSpan.Zero, RequestsPer10Seconds = options.Client.RequestsPer10Seconds },
            StoreSummary.FromStates([.. PlannedStates.Select(store.ReadState).OfType<SyncStateRow>()]),
            startedAt));
        if (!plan.Due)
        {
            throw new ArgumentException("The plan says the run is not due: there is nothing to run.", nameof(options));
        }

        // Disposed asynchronously: without a token store, that revokes the run's token.
        // A plan made here from the sync state alone has no counts: the probe decision asks the store's summary for the estimate.
        var estimate = options.Plan is not null || location is null ? plan.EstimatedRequests : EstimateFromSummary(location, options, startedAt);
        var client = new HostawayClient(BudgetedClient(options.Client, store, estimate, startedAt, log), log);
        await using var disposeClient = client.ConfigureAwait(false);
        var rateLimitSaved = client.RateLimitFinding.Version;
        var context = new SyncContext(store, client, options, log, progress, runId, cancellationToken);

        var runLogId = BeforeStart(store, () => store.OpenLog(runId, RunResource, plan.Mode.ToString(), now, null, options.ModuleVersion));
        log.Write(SyncLogLevel.Information, string.Create(CultureInfo.InvariantCulture, $"Sync run {runId}: {plan.Mode} sync of {string.Join(", ", plan.Steps.Select(s => $"{s.Resource} ({s.Mode}, {s.Reason})"))} into '{location?.Display ?? "a test store"}'."));

        var results = new List<ResourceSyncResult>();
        HostawayException? failure = null;
        // Set when the database stops taking writes mid-run (read-only, disk full...): the sync log cannot record the rest
        // either, so the run ends here and returns the error; the next run marks its log rows as interrupted.
        HostawayException? storeLost = null;
        bool TryLog(Action write)
        {
            if (storeLost is not null)
            {
                return false;
            }

            try
            {
                write();
                return true;
            }
            catch (Exception exception) when (store.AsStoreError(exception) is { } storeError)
            {
                storeLost = storeError;
                return false;
            }
        }

        ExceptionDispatchInfo? unexpected = null;
        RecordReconcile(context, plan);

        var cancelled = !await BuildSearchIndexAsync(context).ConfigureAwait(false);
        foreach (var (resource, name, run) in Passes(plan.Resources))
        {
            // The pass runs in the plan's mode: the syncer's ModeFor, which the planner asked, gives it again from the same state.
            var requested = plan.ModeOf(resource);
            if (cancelled)
            {
                break;
            }

            var before = client.Statistics;
            var resourceClock = time.GetTimestamp();
            var cursorBefore = store.ReadState(name)?.Cursor;
            long logId = 0;
            if (!TryLog(() => logId = store.OpenLog(runId, resource.ToString(), requested.ToString(), context.Now, cursorBefore, options.ModuleVersion)))
            {
                break;
            }

            ResourceOutcome? outcome = null;
            var status = SyncStatus.Succeeded;
            HostawayException? error = null;
            try
            {
                outcome = await run(context, requested).ConfigureAwait(false);
                if (outcome.Problems.Count > 0)
                {
                    // It ran to its end, but cannot show it saw everything the API says exists: not a success.
                    status = SyncStatus.Partial;
                    error = outcome.Problems.Count == 1 ? outcome.Problems[0] : new HostawayException(
                        outcome.Problems[0].ErrorId, outcome.Problems[0].Kind, string.Join(" ", outcome.Problems.Select(p => p.Message)),
                        outcome.Problems[0].RecommendedAction, resource.ToString(), outcome.Problems[0]);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                status = SyncStatus.Cancelled;
                cancelled = true;
            }
            catch (HostawayException exception)
            {
                status = SyncStatus.Failed;
                error = exception;
            }
            catch (Exception exception) when (store.AsStoreError(exception) is { } storeError)
            {
                status = SyncStatus.Failed;
                error = storeError;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                status = SyncStatus.Failed;
                unexpected = ExceptionDispatchInfo.Capture(exception);
                error = new HostawayException(ErrorIds.SyncUnexpectedError, ErrorKind.Internal, $"The {resource} sync failed unexpectedly: {exception.Message}", "Report this error with the sync log (Get-HostawaySyncLog).", resource.ToString(), exception);
            }

            SaveRateLimit(context, ref rateLimitSaved, TryLog);
            var spent = Delta(before, client.Statistics);
            var result = new ResourceSyncResult(
                resource, outcome?.Mode ?? requested, status, outcome?.Counts.Created ?? 0, outcome?.Counts.Updated ?? 0, outcome?.Counts.Unchanged ?? 0,
                outcome?.Counts.Deleted ?? 0, outcome?.Messages ?? 0, spent.Requests, spent.Retries, spent.RateLimited, time.GetElapsedTime(resourceClock),
                cursorBefore, outcome?.CursorAfter ?? cursorBefore, error?.ErrorId, error?.Message);
            results.Add(result);
            TryLog(() => store.CloseLog(logId, LogRecord(result, client), context.Now));
            if (error is not null)
            {
                failure ??= error;
                log.Write(SyncLogLevel.Warning, status == SyncStatus.Partial ? $"{resource} sync incomplete ({error.ErrorId}): {error.Message}" : $"{resource} sync failed: {error.Message}");
            }

            if (cancelled || unexpected is not null || storeLost is not null || (status == SyncStatus.Failed && error is not null && StopsTheRun(error.Kind)))
            {
                break;
            }
        }

        failure ??= storeLost;
        if (!cancelled && unexpected is null && storeLost is null && (plan.Resources & (SyncResources.Reservations | SyncResources.Conversations)) != 0)
        {
            cancelled = !await MarkDeletedConversationFilesAsync(context).ConfigureAwait(false);
        }

        var runStatus = cancelled ? SyncStatus.Cancelled
            : results.All(r => r.Status == SyncStatus.Succeeded) && results.Count == plan.Steps.Count ? SyncStatus.Succeeded
            : results.Any(r => r.Status is SyncStatus.Succeeded or SyncStatus.Partial) ? SyncStatus.Partial
            : SyncStatus.Failed;
        // The plan's mode, unless a pass ran in another (the store changed between planning and the writer lock).
        var mode = results.Count == 0 ? plan.Mode : SyncPlan.RunMode(results.Select(r => (r.Resource, r.Mode)));
        SaveRateLimit(context, ref rateLimitSaved, TryLog, final: true);
        var api = client.Statistics;
        var total = new ResourceSyncResult(
            plan.Resources, mode, runStatus, results.Sum(r => r.Created), results.Sum(r => r.Updated), results.Sum(r => r.Unchanged), results.Sum(r => r.Deleted),
            results.Sum(r => r.Messages), api.Requests, api.Retries, api.RateLimited, time.GetElapsedTime(clock), null, null, failure?.ErrorId, failure?.Message);
        TryLog(() => store.CloseLog(runLogId, LogRecord(total, client), context.Now));
        failure ??= storeLost;
        unexpected?.Throw();
        log.Write(SyncLogLevel.Information, string.Create(CultureInfo.InvariantCulture, $"Sync run {runId} {runStatus}: {api.Requests} requests, {api.Retries} retries, {api.RateLimited} rate limited."));
        return new SyncRunResult(runId, mode, runStatus, startedAt, time.GetElapsedTime(clock), results, api, failure)
        {
            RequestsPer10Seconds = client.RequestBudget,
            BudgetSource = client.BudgetSource,
            RateLimit = client.RateLimitFinding.Finding,
        };
    }

    /// <summary>
    /// The client of the run: it counts the requests the last run left in the server's window as spent; a set budget is
    /// used as it is; the auto budget starts from the limit an earlier run stored (the caller's, if it gave one) and probes
    /// when <see cref="RatePolicy.ShouldProbe"/> says the plan gains from it.
    /// </summary>
    private static HostawayClientOptions BudgetedClient(HostawayClientOptions client, ISyncStore store, long? estimatedRequests, DateTime now, ISyncLog log)
    {
        var state = BeforeStart(store, () => RateLimitState.FromJson(store.ReadState(RateLimitState.StateName)?.Checkpoint));
        if (state is not null && client.RecentRequests.Count == 0)
        {
            client = client with { RecentRequests = state.Recent };
        }

        if (client.RequestsPer10Seconds is { } set)
        {
            log.Write(SyncLogLevel.Information, string.Create(CultureInfo.InvariantCulture, $"Request budget: {set} per 10 s (RequestsPer10Seconds)."));
            return client;
        }

        var known = client.KnownRateLimit ?? state?.Finding;
        var probe = RatePolicy.ShouldProbe(known, estimatedRequests, now);
        log.Write(SyncLogLevel.Information, probe
            ? string.Create(CultureInfo.InvariantCulture, $"Request budget: auto, finding the account's rate limit ({(known is null ? "none known yet" : "last found: " + known.Describe())}).")
            : string.Create(CultureInfo.InvariantCulture, $"Request budget: auto, {RatePolicy.StartBudget(known, false)} per 10 s ({(known is null ? "the lowest published limit; a plan this small does not look for a higher one" : known.Describe())})."));
        return client with { KnownRateLimit = known, ProbeRateLimit = probe };
    }

    /// <summary>The requests a plan of the run's request would estimate from the store's counts (read without a trace), or null.</summary>
    private static long? EstimateFromSummary(StoreLocation location, SyncOptions options, DateTime now)
    {
        if (options.Client.RequestsPer10Seconds is not null)
        {
            return null;
        }

        try
        {
            var request = new SyncRequest { Mode = options.Mode, Resources = options.Resources, ReconcileInterval = TimeSpan.Zero };
            return SyncPlanner.Plan(request, StoreSummary.TryRead(location), now).EstimatedRequests;
        }
        catch (HostawayException)
        {
            // No estimate: the run is taken as big, as a first sync is.
            return null;
        }
    }

    /// <summary>
    /// Stores the rate-limit state with the sync state (the checkpoint of its row: the state the next run starts from): a
    /// new finding as soon as a pass ends, so scheduled runs start at it; and at the end of the run (<paramref name="final"/>)
    /// the requests still in the server's window, which a run started right after counts as spent.
    /// </summary>
    private static void SaveRateLimit(SyncContext context, ref int saved, Func<Action, bool> tryLog, bool final = false)
    {
        var version = context.Client.RateLimitFinding.Version;
        if (!final && version == saved)
        {
            return;
        }

        if (version != saved && context.Client.RateLimitFinding.Finding is { } finding)
        {
            context.Log.Write(SyncLogLevel.Information, string.Create(
                CultureInfo.InvariantCulture, $"Rate limit: {finding.Describe()}; spending {context.Client.RequestBudget} requests per 10 s. Stored for the next runs."));
        }

        saved = version;
        // Without a token store, disposing the client revokes its token: one more request.
        var state = context.Client.RateLimitState(context.Options.Client.TokenStore is null ? 1 : 0);
        try
        {
            tryLog(() => context.InTransaction(work => work.SaveCheckpoint(RateLimitState.StateName, state.ToJson(), context.Now)));
        }
        catch (Exception exception) when (exception is HostawayException or InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            // Only advice for the next run, which then starts from what was stored before: never a reason to fail this one
            // (a store that failed mid-run has already said so).
            context.Log.Write(SyncLogLevel.Debug, $"The rate limit could not be stored: {exception.Message}");
        }
    }

    /// <summary>The passes a plan reconciles are recorded before any pass runs, so a run killed at any point leaves them to the next.</summary>
    private static void RecordReconcile(SyncContext context, SyncPlan plan)
    {
        var resources = plan.Steps.Where(step => step.Mode == SyncMode.Reconcile).Aggregate(SyncResources.None, (all, step) => all | step.Resource);
        if (resources == SyncResources.None)
        {
            return;
        }

        BeforeStart(context.Store, () =>
        {
            context.InTransaction(work =>
            {
                if (resources.HasFlag(SyncResources.Reservations))
                {
                    ReservationSyncer.RecordReconcile(work, context.Store.ReadState("reservations"), context.Now);
                }

                if (resources.HasFlag(SyncResources.Conversations))
                {
                    ConversationSyncer.RecordReconcile(work, context.Store.ReadState("conversations"), context.RunId, context.Now);
                }

                if (resources.HasFlag(SyncResources.Reviews))
                {
                    ReviewSyncer.RecordReconcile(work, context.Store.ReadState("reviews"), context.Now);
                }
            });
            return 0;
        });
    }

    /// <summary>
    /// Marks the files of conversations the store counts as deleted, and unmarks those that came back (the store holds the
    /// truth, so a failure is only a warning and the next run tries again). Returns false when the run was cancelled meanwhile.
    /// </summary>
    private static Task<bool> MarkDeletedConversationFilesAsync(SyncContext context) => AsideAsync(
        context,
        async () =>
        {
            var changed = await DeletedConversationMarks.UpdateAsync(context).ConfigureAwait(false);
            if (changed > 0)
            {
                context.Debug(string.Create(CultureInfo.InvariantCulture, $"{changed} conversation files marked deleted or unmarked."));
            }
        },
        "The files of deleted conversations could not be marked ({0}); the next sync tries again.");

    /// <summary>
    /// Builds the search index of a database upgraded from schema version 2 before anything else, whatever the run
    /// covers: it needs only the files. A failure is not the run's: the marker stays, and the next run tries again.
    /// Returns false when the run was cancelled meanwhile.
    /// </summary>
    private static Task<bool> BuildSearchIndexAsync(SyncContext context) => AsideAsync(
        context,
        () =>
        {
            MessageSearchBackfill.Run(context);
            return Task.CompletedTask;
        },
        "The message search index could not be built ({0}); search results stay incomplete until a later sync builds it.");

    /// <summary>
    /// Work beside the passes whose failure is not the run's: a store, file or API failure becomes a warning
    /// (<paramref name="warning"/> with the message at {0}). Returns false when the run was cancelled meanwhile.
    /// </summary>
    private static async Task<bool> AsideAsync(SyncContext context, Func<Task> work, string warning)
    {
        try
        {
            await work().ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception) when (context.Store.IsStoreFailure(exception) || exception is HostawayException or IOException or UnauthorizedAccessException)
        {
            context.Warn(string.Format(CultureInfo.InvariantCulture, warning, exception.Message));
            return true;
        }
    }

    /// <summary>Store work before the run has begun: a database that refuses it fails the run with the store's error id, like one that cannot be opened.</summary>
    private static T BeforeStart<T>(ISyncStore store, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception exception) when (store.AsStoreError(exception) is { } storeError)
        {
            throw storeError;
        }
    }

    /// <summary>The outcome as the sync log stores it.</summary>
    /// <summary>The log row of a pass or the run, with the budget in force at its end and where that came from.</summary>
    private static SyncLogRecord LogRecord(ResourceSyncResult result, HostawayClient client) => new(
        result.Status.ToString(), result.Mode.ToString(), (long)result.Duration.TotalMilliseconds, result.Created, result.Updated, result.Unchanged,
        result.Deleted, result.Requests, result.Retries, result.RateLimited, result.CursorAfter, result.ErrorId, result.ErrorMessage,
        client.RequestBudget, client.BudgetSource.ToString());

    private static List<(SyncResources Resource, string Name, Func<SyncContext, SyncMode, Task<ResourceOutcome>> Run)> Passes(SyncResources resources)
    {
        var plan = new List<(SyncResources, string, Func<SyncContext, SyncMode, Task<ResourceOutcome>>)>();
        if (resources.HasFlag(SyncResources.Listings))
        {
            plan.Add((SyncResources.Listings, "listings", (context, _) => ListingSyncer.RunAsync(context)));
        }

        if (resources.HasFlag(SyncResources.Reservations))
        {
            plan.Add((SyncResources.Reservations, "reservations", ReservationSyncer.RunAsync));
        }

        if (resources.HasFlag(SyncResources.Conversations))
        {
            plan.Add((SyncResources.Conversations, "conversations", ConversationSyncer.RunAsync));
        }

        if (resources.HasFlag(SyncResources.Reviews))
        {
            plan.Add((SyncResources.Reviews, "reviews", ReviewSyncer.RunAsync));
        }

        return plan;
    }

    /// <summary>Failures that would only repeat for the next resource: credentials, network, rate limit, an unusable store.</summary>
    private static bool StopsTheRun(ErrorKind kind) => kind is not ErrorKind.BadData;

    private static ApiRunStatistics Delta(ApiRunStatistics before, ApiRunStatistics after) => new(
        after.Requests - before.Requests, after.Retries - before.Retries, after.RateLimited - before.RateLimited, after.TransientFailures - before.TransientFailures,
        after.TokensIssued - before.TokensIssued, after.BytesReceived - before.BytesReceived, after.BudgetWait - before.BudgetWait);
}
