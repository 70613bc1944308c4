using System.Management.Automation;
using HostawaySync.Engine.Sync;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Syncs the listings (with their photo metadata) of a Hostaway account into the local database.</para>
/// </summary>
[Cmdlet(VerbsData.Sync, "HostawayListing", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(HostawaySyncResult))]
public sealed class SyncHostawayListingCommand : SyncCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord() => RunSync(SyncMode.Full, SyncResources.Listings, ifDue: false);
}
