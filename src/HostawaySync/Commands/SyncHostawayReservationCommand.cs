using System.Management.Automation;
using HostawaySync.Engine.Sync;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Syncs the reservations (and their guests) of a Hostaway account into the local database.</para>
/// </summary>
[Cmdlet(VerbsData.Sync, "HostawayReservation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(HostawaySyncResult))]
public sealed class SyncHostawayReservationCommand : SyncCmdlet
{
    /// <summary>Fetch every reservation and reconcile deletions, instead of only those changed since the last sync.</summary>
    [Parameter]
    public SwitchParameter Full { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // Reservations name their listing: a database without listings gets them first, so names and joins work.
        var resources = HasListings() ? SyncResources.Reservations : SyncResources.Listings | SyncResources.Reservations;
        RunSync(Full ? SyncMode.Full : null, resources, ifDue: false);
    }
}
