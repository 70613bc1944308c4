using System.Management.Automation;
using HostawaySync.Engine.Sync;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Syncs the conversations and messages of a Hostaway account: metadata into the database, text into the conversation files.</para>
/// </summary>
[Cmdlet(VerbsData.Sync, "HostawayConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ChangesSet)]
[OutputType(typeof(HostawaySyncResult))]
public sealed class SyncHostawayConversationCommand : ResourceSyncCmdlet
{
    /// <inheritdoc />
    private protected override SyncResources Resource => SyncResources.Conversations;
}
