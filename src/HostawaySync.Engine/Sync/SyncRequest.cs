using HostawaySync.Engine.Configuration;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// What a sync is asked for, before the store's state is known: the mode (or automatic), the resources, -IfDue, and the
/// settings that decide an automatic run. <see cref="SyncPlanner"/> turns it into a <see cref="SyncPlan"/>.
/// </summary>
public sealed record SyncRequest
{
    /// <summary>Full, Incremental or Reconcile as asked for; null lets the settings and the store's state choose.</summary>
    public SyncMode? Mode { get; init; }

    /// <summary>The resources asked for.</summary>
    public SyncResources Resources { get; init; } = SyncResources.All;

    /// <summary>
    /// Adds what the resources asked for need (the per-resource cmdlets): listings when the database has none yet (for
    /// reservations and conversations), and the reservations with the conversations (new messages are found through the
    /// reservations' latest activity).
    /// </summary>
    public bool WithPrerequisites { get; init; }

    /// <summary>Run only when the last successful run is older than <see cref="SyncInterval"/>.</summary>
    public bool IfDue { get; init; }

    /// <summary>Setting SyncFullOnStart: an automatic first run is full (otherwise it fails with HostawayFullSyncRequired).</summary>
    public bool FullOnStart { get; init; } = true;

    /// <summary>Setting SyncIncrementalDaily: automatic later runs are incremental (or reconcile when due); otherwise full.</summary>
    public bool IncrementalDaily { get; init; } = true;

    /// <summary>Setting SyncIntervalHours: how old the last successful run must be for <see cref="IfDue"/> to run.</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Setting ReconcileIntervalHours: an automatic later run reconciles when the last full or reconcile pass of its
    /// reservations or conversations is older than this; <see cref="TimeSpan.Zero"/> never.
    /// </summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromHours(168);

    /// <summary>Setting RequestsPer10Seconds (null: auto), for the time estimate.</summary>
    public int? RequestsPer10Seconds { get; init; }

    /// <summary>A request with the settings' values for the automatic choice, -IfDue and the estimate.</summary>
    public static SyncRequest FromSettings(HostawaySettings settings, SyncMode? mode, SyncResources resources) => new()
    {
        Mode = mode,
        Resources = resources,
        FullOnStart = settings.SyncFullOnStart,
        IncrementalDaily = settings.SyncIncrementalDaily,
        SyncInterval = settings.SyncInterval,
        ReconcileInterval = settings.ReconcileInterval,
        RequestsPer10Seconds = settings.RequestsPer10Seconds,
    };
}
