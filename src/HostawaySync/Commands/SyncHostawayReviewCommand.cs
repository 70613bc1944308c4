using System.Management.Automation;
using HostawaySync.Engine.Sync;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Syncs the reviews of a Hostaway account (both directions, with their category ratings) into the database.</para>
/// </summary>
[Cmdlet(VerbsData.Sync, "HostawayReview", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ChangesSet)]
[OutputType(typeof(HostawaySyncResult))]
public sealed class SyncHostawayReviewCommand : ResourceSyncCmdlet
{
    /// <inheritdoc />
    private protected override SyncResources Resource => SyncResources.Reviews;
}
