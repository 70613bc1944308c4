using System.Management.Automation;
using HostawaySync.Engine.Queries;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets conversations from the local database.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "HostawayConversation")]
[OutputType(typeof(HostawayConversation))]
public sealed class GetHostawayConversationCommand : StoreQueryCmdlet
{
    /// <summary>Conversation ids.</summary>
    [Parameter(Position = 0)]
    [Alias("Id")]
    public long[]? ConversationId { get; set; }

    /// <summary>Only conversations of these reservations (binds from Get-HostawayReservation output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? ReservationId { get; set; }

    /// <summary>Only conversations about these listings (binds from Get-HostawayListing output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ListingCompleter))]
    public long[]? ListingId { get; set; }

    /// <summary>Only conversations with these guests (binds from Get-HostawayGuest output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? GuestId { get; set; }

    /// <summary>Also conversations the API no longer has.</summary>
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

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var store = ResolveStore(DatabasePath, DatabaseUrl);
        WriteRecords(
            store,
            StoreReader.Conversations(store, new ConversationFilter(ConversationId, ReservationId, ListingId, GuestId, IncludeDeleted)),
            c => c.ConversationId, HostawayConversation.From);
    }
}
