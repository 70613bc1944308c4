using System.Globalization;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Decides, in one place, what a sync does: from the request (a mode or automatic, the resources, -IfDue, the settings)
/// and the store's state (its sync_state rows and counts), whether the run is due, which resources it syncs (with what
/// they need), the mode of each (through the syncers' own ModeFor, so a resumed or never-synced resource gets the mode
/// its pass really runs in), and an estimate of the requests.
/// </summary>
public static class SyncPlanner
{
    private const int PageSize = 100;

    /// <summary>Plans <paramref name="request"/> against what <paramref name="store"/> holds, read without leaving a trace.</summary>
    /// <exception cref="HostawayException">HostawayFullSyncRequired: an automatic first run while SyncFullOnStart is off.</exception>
    public static SyncPlan Plan(StoreLocation store, SyncRequest request, DateTime now) =>
        Plan(request, StoreSummary.TryRead(store), now);

    /// <summary>Plans <paramref name="request"/> against <paramref name="summary"/> (null: no HostawaySync database yet).</summary>
    /// <exception cref="HostawayException">HostawayFullSyncRequired: an automatic first run while SyncFullOnStart is off.</exception>
    public static SyncPlan Plan(SyncRequest request, StoreSummary? summary, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IfDue && summary?.LastSuccessAt is { } last && now - last < request.SyncInterval)
        {
            return new SyncPlan(
                false,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "Not due: the last successful sync finished at {0:yyyy-MM-dd HH:mm:ss} UTC, less than {1} hours ago (SyncIntervalHours). Nothing to do.",
                    last,
                    request.SyncInterval.TotalHours),
                [],
                "nothing",
                0);
        }

        var resources = WithPrerequisites(request, summary);
        var (requested, reason) = request.Mode is { } asked ? (asked, "asked for") : Automatic(request, summary, resources, now);
        var steps = new List<PlannedResource>();
        if (resources.HasFlag(SyncResources.Listings))
        {
            steps.Add(new(SyncResources.Listings, SyncMode.Full, "listings are always read in full"));
        }

        if (resources.HasFlag(SyncResources.Reservations))
        {
            steps.Add(Step(SyncResources.Reservations, summary?.State("reservations"), requested, reason, ReservationSyncer.ModeFor));
        }

        if (resources.HasFlag(SyncResources.Conversations))
        {
            steps.Add(Step(SyncResources.Conversations, summary?.State("conversations"), requested, reason, ConversationSyncer.ModeFor));
        }

        if (resources.HasFlag(SyncResources.Reviews))
        {
            steps.Add(Step(SyncResources.Reviews, summary?.State("reviews"), requested, reason, ReviewSyncer.ModeFor));
        }

        var (estimate, requests) = Estimate(steps, summary, request.RequestsPer10Seconds, now);
        return new SyncPlan(true, reason, steps, estimate, requests);
    }

    /// <summary>The resources asked for, with listings into a database that has none and reservations with conversations.</summary>
    private static SyncResources WithPrerequisites(SyncRequest request, StoreSummary? summary)
    {
        var resources = request.Resources;
        if (!request.WithPrerequisites)
        {
            return resources;
        }

        // New messages are found through the reservations' latest activity (the API has no message change filter), so the
        // reservations are brought up to date in the same run.
        if (resources.HasFlag(SyncResources.Conversations))
        {
            resources |= SyncResources.Reservations;
        }

        // Reservations name their listing: a database without listings gets them first, so names and joins work.
        if ((resources & (SyncResources.Reservations | SyncResources.Conversations)) != 0 && summary is not { Listings: > 0 })
        {
            resources |= SyncResources.Listings;
        }

        return resources;
    }

    /// <summary>
    /// The mode an automatic run asks for: full the first time (SyncFullOnStart), then incremental (SyncIncrementalDaily;
    /// otherwise full), or reconcile when the oldest last full or reconcile pass of the reservations and conversations the
    /// run covers is older than ReconcileIntervalHours (listings are always read in full and do not count).
    /// </summary>
    private static (SyncMode Mode, string Reason) Automatic(SyncRequest request, StoreSummary? summary, SyncResources resources, DateTime now)
    {
        if (summary is not { EverSynced: true })
        {
            if (!request.FullOnStart)
            {
                throw new HostawayException(
                    ErrorIds.FullSyncRequired, ErrorKind.InvalidArgument,
                    "Nothing has been synced into this database yet, and the setting SyncFullOnStart is off, so no full sync starts on its own.",
                    "Run the first sync explicitly with -Full, or turn the setting on: Set-HostawayConfiguration -SyncFullOnStart $true.");
            }

            return (SyncMode.Full, "nothing synced yet (setting SyncFullOnStart)");
        }

        if (!request.IncrementalDaily)
        {
            return (SyncMode.Full, "chosen from the setting SyncIncrementalDaily, which is off");
        }

        var covered = new[] { (SyncResources.Reservations, "reservations"), (SyncResources.Conversations, "conversations") }
            .Where(r => resources.HasFlag(r.Item1))
            .Select(r => StoreClock.Parse(summary.State(r.Item2)?.LastFullSyncAt))
            .ToList();
        if (request.ReconcileInterval > TimeSpan.Zero && covered.Count > 0)
        {
            var oldest = covered.Contains(null) ? null : covered.Min();
            if (oldest is null || now - oldest >= request.ReconcileInterval)
            {
                return (SyncMode.Reconcile, string.Format(
                    CultureInfo.InvariantCulture,
                    "the last full or reconcile pass {0} {1} hours ago (setting ReconcileIntervalHours)",
                    oldest is { } at ? string.Create(CultureInfo.InvariantCulture, $"finished at {at:yyyy-MM-dd HH:mm:ss} UTC, at least") : "was never completed, not even",
                    request.ReconcileInterval.TotalHours));
            }
        }

        return (SyncMode.Incremental, "chosen from the settings SyncIncrementalDaily and ReconcileIntervalHours");
    }

    private static PlannedResource Step(SyncResources resource, SyncStateRow? state, SyncMode requested, string reason, Func<SyncStateRow?, SyncMode, SyncMode> modeFor)
    {
        var mode = modeFor(state, requested);
        return new(
            resource,
            mode,
            mode == requested ? reason
            : state?.Checkpoint is not null ? $"resumes its unfinished {mode} pass"
            : "never synced: read in full");
    }

    /// <summary>
    /// The requests the plan needs, from what is stored: a page per 100 listings, reservations and conversations, and for a
    /// full pass a request per conversation's messages (more for long ones). A reconcile reads every list page too, and the
    /// messages of the conversations that changed, which only the list shows. An incremental pass reads two pages of
    /// reservations, then what the activity it finds needs. A resource with nothing stored has a size unknown until its
    /// first page arrives.
    /// </summary>
    private static (string Text, long? Requests) Estimate(List<PlannedResource> steps, StoreSummary? summary, int? setBudget, DateTime now)
    {
        static long Pages(long items) => Math.Max(1, (items + PageSize - 1) / PageSize);
        long requests = 0;
        var unknown = new List<string>();
        var extras = new List<string>();
        foreach (var step in steps)
        {
            var stored = summary is null ? 0 : step.Resource switch
            {
                SyncResources.Listings => summary.Listings,
                SyncResources.Reservations => summary.Reservations,
                SyncResources.Reviews => summary.Reviews,
                _ => summary.Conversations,
            };
            if (step.Mode == SyncMode.Incremental)
            {
                if (step.Resource == SyncResources.Reservations)
                {
                    requests += 2;
                    extras.Add("about 2 per reservation with new activity");
                }
                else if (step.Resource == SyncResources.Reviews)
                {
                    requests += 1;
                    extras.Add("a page per 100 reviews of the review window");
                }

                continue;
            }

            if (stored == 0)
            {
                unknown.Add(step.Resource.ToString().ToLowerInvariant());
                continue;
            }

            requests += Pages(stored);
            if (step.Resource == SyncResources.Conversations)
            {
                if (step.Mode == SyncMode.Full)
                {
                    requests += Math.Max(stored, Pages(summary!.Messages));
                }
                else
                {
                    extras.Add("one request per conversation with new messages");
                }
            }
        }

        long? counted = unknown.Count == 0 ? requests : null;
        var pace = Pace(setBudget, summary?.RateLimit, counted, now);
        if (unknown.Count == steps.Count)
        {
            var paced = pace.Probe
                ? string.Create(CultureInfo.InvariantCulture, $"paced at {pace.Budget} requests per 10 s if the account allows the published {RatePolicy.HighestPublished}, {RatePolicy.Spend(RatePolicy.LowestPublished)} if it allows {RatePolicy.LowestPublished} ({pace.Text})")
                : string.Create(CultureInfo.InvariantCulture, $"paced at {pace.Budget} requests per 10 s ({pace.Text})");
            return ($"the account's size is unknown until the first pages arrive (about one request per 100 listings, reservations and conversations, plus one per conversation for its messages); {paced}", null);
        }

        static string Duration(double seconds) => seconds < 90 ? $"{Math.Ceiling(seconds)} s" : $"{Math.Ceiling(seconds / 60)} min";
        var text = string.Format(
            CultureInfo.InvariantCulture,
            "about {0:N0} requests{1}, {2} at {3} requests per 10 s{4}",
            requests,
            string.Concat(extras.Distinct().Select(e => " plus " + e)),
            Duration(requests * 10.0 / pace.Budget),
            pace.Budget,
            pace.Probe ? string.Create(CultureInfo.InvariantCulture, $" if the account allows the published {RatePolicy.HighestPublished} ({Duration(requests * 10.0 / RatePolicy.Spend(RatePolicy.LowestPublished))} at {RatePolicy.Spend(RatePolicy.LowestPublished)} if it allows {RatePolicy.LowestPublished}; {pace.Text})") : $" ({pace.Text})");
        return unknown.Count == 0
            ? (text, requests)
            : ($"{text}, plus the {string.Join(" and ", unknown)}, whose number is unknown until their first pages arrive", null);
    }

    /// <summary>The budget the run will pace itself with, as the runner decides it (see <see cref="RatePolicy"/>), and why.</summary>
    private static (int Budget, bool Probe, string Text) Pace(int? setBudget, RateLimitFinding? known, long? requests, DateTime now)
    {
        if (setBudget is { } set)
        {
            return (set, false, "RequestsPer10Seconds");
        }

        var probe = RatePolicy.ShouldProbe(known, requests, now);
        var budget = RatePolicy.StartBudget(known, probe);
        return (budget, probe, probe
            ? "auto: the run finds the account's rate limit" + (known is null ? string.Empty : "; last found " + known.Describe())
            : known is null
                ? "auto: the lowest published limit; a plan this small does not look for a higher one"
                : "auto: " + known.Describe());
    }
}
