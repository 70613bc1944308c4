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
public sealed class SyncHostawayConversationCommand : SyncCmdlet
{
    private const string ChangesSet = "Changes";
    private const string FullSet = "Full";
    private const string ReconcileSet = "Reconcile";

    /// <summary>List every conversation and fetch every message, instead of only the conversations with new activity.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FullSet)]
    public SwitchParameter Full { get; set; }

    /// <summary>List every conversation (deletions included) but fetch the messages only of the conversations that changed: the files end as after -Full, for far fewer requests.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ReconcileSet)]
    public SwitchParameter Reconcile { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        RunSync(Full ? SyncMode.Full : Reconcile ? SyncMode.Reconcile : null, SyncResources.Conversations, ifDue: false, withPrerequisites: true);
}
