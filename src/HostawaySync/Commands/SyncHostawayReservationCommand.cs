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
public sealed class SyncHostawayReservationCommand : ResourceSyncCmdlet
{
    /// <inheritdoc />
    private protected override SyncResources Resource => SyncResources.Reservations;
}
