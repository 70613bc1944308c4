using System.Management.Automation;
using HostawaySync.Engine.Sync;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Syncs the conversations and messages of a Hostaway account: metadata into the database, text into the conversation files.</para>
/// </summary>
[Cmdlet(VerbsData.Sync, "HostawayConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(HostawaySyncResult))]
public sealed class SyncHostawayConversationCommand : SyncCmdlet
{
    /// <summary>List every conversation and fetch every message, instead of only the conversations with new activity.</summary>
    [Parameter]
    public SwitchParameter Full { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // New messages are found through the reservations' latest activity (the API has no message change filter),
        // so the reservations are brought up to date in the same run; listings too when the database has none.
        var resources = SyncResources.Reservations | SyncResources.Conversations | (HasListings() ? SyncResources.None : SyncResources.Listings);
        RunSync(Full ? SyncMode.Full : null, resources, ifDue: false);
    }
}
