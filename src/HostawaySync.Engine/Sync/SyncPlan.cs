using System.Globalization;

namespace HostawaySync.Engine.Sync;

/// <summary>One resource of a <see cref="SyncPlan"/>: the mode its pass runs in, and why.</summary>
/// <param name="Resource">Listings, Reservations or Conversations.</param>
/// <param name="Mode">The mode the pass runs in (listings are always read in full).</param>
/// <param name="Reason">Why: asked for, chosen from the settings, resuming an unfinished pass, never synced.</param>
public sealed record PlannedResource(SyncResources Resource, SyncMode Mode, string Reason);

/// <summary>
/// What a sync will do, decided once by <see cref="SyncPlanner"/>: whether it runs at all (-IfDue), the resources and the
/// mode of each, and an estimate of its requests. -WhatIf shows it, <see cref="SyncRunner"/> executes it, and the run's log
/// and result show the same modes.
/// </summary>
public sealed class SyncPlan
{
    internal SyncPlan(bool due, string reason, IReadOnlyList<PlannedResource> steps, string estimate, long? estimatedRequests)
    {
        Due = due;
        Reason = reason;
        Steps = steps;
        Estimate = estimate;
        EstimatedRequests = estimatedRequests;
        Resources = steps.Aggregate(SyncResources.None, (all, step) => all | step.Resource);
        Mode = RunMode(steps.Select(s => (s.Resource, s.Mode)));
    }

    /// <summary>Whether the run is due; false only for -IfDue when the last successful run is recent (then nothing runs).</summary>
    public bool Due { get; }

    /// <summary>Why the run has its mode (or, when not <see cref="Due"/>, why it does not run).</summary>
    public string Reason { get; }

    /// <summary>The resources the run syncs, in the order it syncs them, each with its mode.</summary>
    public IReadOnlyList<PlannedResource> Steps { get; }

    /// <summary>The resources the run syncs.</summary>
    public SyncResources Resources { get; }

    /// <summary>The run's mode, as the sync log and the result show it: see <see cref="RunMode"/>.</summary>
    public SyncMode Mode { get; }

    /// <summary>The estimate of requests and time, as text.</summary>
    public string Estimate { get; }

    /// <summary>The requests the estimate counts, or null when the account's size is unknown.</summary>
    public long? EstimatedRequests { get; }

    /// <summary>The mode <paramref name="resource"/> runs in.</summary>
    /// <exception cref="ArgumentException">The plan does not sync <paramref name="resource"/>.</exception>
    public SyncMode ModeOf(SyncResources resource) =>
        Steps.FirstOrDefault(s => s.Resource == resource)?.Mode ?? throw new ArgumentException($"The plan does not sync {resource}.", nameof(resource));

    /// <summary>The plan in one line, as -WhatIf shows it: the run's mode, the resources with their modes, the API and the estimate.</summary>
    public string Describe(Uri baseUrl) => string.Format(
        CultureInfo.InvariantCulture,
        "{0} sync of {1} ({2}) from {3}: {4}",
        Mode,
        string.Join(", ", Steps.Select(s => s.Resource)),
        string.Join(", ", Steps.Select(s => $"{s.Resource} {s.Mode}")),
        baseUrl,
        Estimate);

    /// <summary>
    /// The mode of a run whose resources run in <paramref name="modes"/>: that of its reservations and conversations, the
    /// most thorough one if they differ (Full, then Reconcile, then Incremental); Full for listings alone, which are always
    /// read in full.
    /// </summary>
    public static SyncMode RunMode(IEnumerable<(SyncResources Resource, SyncMode Mode)> modes)
    {
        var rest = modes.Where(m => m.Resource != SyncResources.Listings).Select(m => m.Mode).ToList();
        return rest.Count == 0 || rest.Contains(SyncMode.Full) ? SyncMode.Full
            : rest.Contains(SyncMode.Reconcile) ? SyncMode.Reconcile
            : SyncMode.Incremental;
    }
}
