using System.Management.Automation;
using HostawaySync.Engine.Queries;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets messages from the local database, with their text from the conversation files if asked.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "HostawayMessage")]
[OutputType(typeof(HostawayMessage))]
public sealed class GetHostawayMessageCommand : StoreQueryCmdlet
{
    /// <summary>Only messages of these conversations (binds from Get-HostawayConversation output).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public long[]? ConversationId { get; set; }

    /// <summary>Only messages about these reservations (binds from Get-HostawayReservation output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? ReservationId { get; set; }

    /// <summary>Only messages about these listings (binds from Get-HostawayListing output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ListingCompleter))]
    public long[]? ListingId { get; set; }

    /// <summary>Only messages from the guest or only those from the host.</summary>
    [Parameter]
    [ValidateSet("Guest", "Host", IgnoreCase = true)]
    public string? Direction { get; set; }

    /// <summary>Only messages sent at or after this time.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only messages sent before this time.</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    /// <summary>Also read each message's text from its conversation file.</summary>
    [Parameter]
    public SwitchParameter IncludeText { get; set; }

    /// <summary>Also messages of conversations or reservations the API no longer has.</summary>
    [Parameter]
    public SwitchParameter IncludeDeleted { get; set; }

    /// <summary>The SQLite database. Default: the store the settings choose (see Get-HostawayConfiguration); binds from the output of the Get-Hostaway cmdlets.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabasePath { get; set; }

    /// <summary>A PostgreSQL database instead: postgresql://user@host:port/database?schema=name or Host=...;Database=... (binds from the output of the Get-Hostaway cmdlets).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabaseUrl { get; set; }

    /// <summary>Root of the conversation files (with -IncludeText). Default: the ConversationsPath setting (see Get-HostawayConfiguration).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ConversationsPath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var root = IncludeText ? ResolveConversationsPath(ConversationsPath) : null;
        var filter = new MessageFilter(ConversationId, ReservationId, ListingId, Direction, ParameterTime.ToUtc(Since), ParameterTime.ToUtc(Until), IncludeDeleted);
        var store = ResolveStore(DatabasePath, DatabaseUrl);
        WriteRecords(store, StoreReader.Messages(store, filter, root), m => m.MessageId, HostawayMessage.From);
    }
}
