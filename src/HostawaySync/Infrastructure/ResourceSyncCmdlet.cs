using System.Management.Automation;
using HostawaySync.Engine.Sync;

namespace HostawaySync.Infrastructure;

/// <summary>
/// A Sync-Hostaway* cmdlet of one resource that has an incremental pass: without a switch the mode is chosen as for
/// Invoke-HostawaySync (settings), -Full reads everything, -Reconcile serves a reconcile. Its prerequisites (listings into
/// an empty database, reservations with conversations) are synced with it.
/// </summary>
public abstract class ResourceSyncCmdlet : SyncCmdlet
{
    /// <summary>The parameter set without a mode switch: derived cmdlets name it their default.</summary>
    protected const string ChangesSet = "Changes";

    private const string FullSet = "Full";
    private const string ReconcileSet = "Reconcile";

    /// <summary>Read everything and mark what the API no longer has deleted, instead of only what changed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FullSet)]
    public SwitchParameter Full { get; set; }

    /// <summary>Read every list page and mark deletions, fetching details only where they changed (see Invoke-HostawaySync -Reconcile).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ReconcileSet)]
    public SwitchParameter Reconcile { get; set; }

    /// <summary>The resource this cmdlet syncs.</summary>
    private protected abstract SyncResources Resource { get; }

    /// <inheritdoc />
    protected sealed override void ProcessRecord() =>
        RunSync(Full ? SyncMode.Full : Reconcile ? SyncMode.Reconcile : null, Resource, ifDue: false, withPrerequisites: true);
}
