using System.Management.Automation;
using HostawaySync.Engine.Sync;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Syncs the reservations (and their guests) of a Hostaway account into the local database.</para>
/// </summary>
[Cmdlet(VerbsData.Sync, "HostawayReservation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ChangesSet)]
[OutputType(typeof(HostawaySyncResult))]
public sealed class SyncHostawayReservationCommand : SyncCmdlet
{
    private const string ChangesSet = "Changes";
    private const string FullSet = "Full";
    private const string ReconcileSet = "Reconcile";

    /// <summary>Fetch every reservation and reconcile deletions, instead of only those changed since the last sync.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FullSet)]
    public SwitchParameter Full { get; set; }

    /// <summary>Read every reservation page and reconcile deletions, as -Full does; the pass serves a reconcile run (see Invoke-HostawaySync -Reconcile).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ReconcileSet)]
    public SwitchParameter Reconcile { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        RunSync(Full ? SyncMode.Full : Reconcile ? SyncMode.Reconcile : null, SyncResources.Reservations, ifDue: false, withPrerequisites: true);
}
