using System.Management.Automation;
using HostawaySync.Engine.Sync;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Syncs a Hostaway account into its database (a SQLite file, or PostgreSQL) and the conversation files: full, incremental or reconcile.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "HostawaySync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = AutoSet)]
[OutputType(typeof(HostawaySyncResult))]
public sealed class InvokeHostawaySyncCommand : SyncCmdlet
{
    private const string AutoSet = "Auto";
    private const string FullSet = "Full";
    private const string IncrementalSet = "Incremental";
    private const string ReconcileSet = "Reconcile";

    /// <summary>Fetch everything and reconcile deletions.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FullSet)]
    public SwitchParameter Full { get; set; }

    /// <summary>Fetch only what changed since the last sync.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IncrementalSet)]
    public SwitchParameter Incremental { get; set; }

    /// <summary>
    /// Read every list page (deletions included) but fetch messages only where they changed: the database and files end as
    /// after -Full, for far fewer requests.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ReconcileSet)]
    public SwitchParameter Reconcile { get; set; }

    /// <summary>Which resources to sync (default: all).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public HostawayResource[]? Resource { get; set; }

    /// <summary>Do nothing when the last successful sync is younger than the SyncIntervalHours setting (24 hours).</summary>
    [Parameter]
    public SwitchParameter IfDue { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        RunSync(Full ? SyncMode.Full : Incremental ? SyncMode.Incremental : Reconcile ? SyncMode.Reconcile : null, HostawayResources.ToSyncResources(Resource), IfDue);
}
