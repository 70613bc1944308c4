using System.Management.Automation;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Queries;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Searches the text of the stored messages (full-text, ranked best first, with a snippet around each match).</para>
/// </summary>
/// <remarks>
/// Piped objects are collected and searched once at the end, so ranking and -First cover all of them. Each piped
/// object contributes its most specific id (a conversation's, else a reservation's, else a listing's): the messages
/// of any piped object are searched. Ids given as arguments narrow further, as in Get-HostawayMessage.
/// </remarks>
[Cmdlet(VerbsCommon.Search, "HostawayMessage")]
[OutputType(typeof(HostawayMessageSearchResult))]
public sealed class SearchHostawayMessageCommand : ScopedSearchCmdlet
{
    /// <summary>What to search for: words (all must occur), "a phrase", prefix*; or an FTS5 query with -Syntax Fts5.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ValidateNotWhiteSpace]
    public string Query { get; set; } = string.Empty;

    /// <summary>Simple (default): plain words, phrases and prefixes, never a syntax error. Fts5: the SQLite FTS5 query language, unchanged.</summary>
    [Parameter]
    [ValidateSet("Simple", "Fts5", IgnoreCase = true)]
    public string Syntax { get; set; } = "Simple";

    /// <summary>Only messages of these conversations (binds from Get-HostawayConversation output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
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

    /// <summary>At most this many results, the best ones. Default: all.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int First { get; set; }

    /// <summary>Also return each message's whole text (the Text property).</summary>
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

    /// <summary>Root of the conversation files, for snippets and text. Default: the ConversationsPath setting.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ConversationsPath { get; set; }

    /// <inheritdoc />
    private protected override IEnumerable<(string Name, long[]? Values)> ScopeParameters =>
        [(nameof(ConversationId), ConversationId), (nameof(ReservationId), ReservationId), (nameof(ListingId), ListingId)];

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (NothingPiped)
        {
            return; // an empty pipeline selects no messages
        }

        var database = ResolveStore(DatabasePath, DatabaseUrl);
        var root = ResolveConversationsPath(ConversationsPath);
        var filter = new MessageSearchFilter(
            Query, string.Equals(Syntax, "Fts5", StringComparison.OrdinalIgnoreCase) ? MessageSearchSyntax.Fts5 : MessageSearchSyntax.Simple,
            Argument(nameof(ConversationId), ConversationId), Argument(nameof(ReservationId), ReservationId), Argument(nameof(ListingId), ListingId),
            Direction, ParameterTime.ToUtc(Since), ParameterTime.ToUtc(Until), First > 0 ? First : null, IncludeText, Scopes(), IncludeDeleted);
        IEnumerable<MessageSearchRecord> results;
        try
        {
            WarnIfIncomplete(StoreReader.SearchIndexState(database));
            results = StoreReader.SearchMessages(database, filter, root);
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw; // not reached: ThrowTerminatingError always throws
        }

        WriteRecords(database, results, r => r.MessageId, HostawayMessageSearchResult.From);
    }

    private void WarnIfIncomplete(MessageSearchIndexState state)
    {
        if (state == MessageSearchIndexState.Pending)
        {
            WriteWarning("The search index is still being built after the database upgrade, so these results are incomplete. The next Invoke-HostawaySync completes the index.");
        }
        else if (state == MessageSearchIndexState.Missing)
        {
            WriteWarning("This database has no search index yet (it was made by an older HostawaySync), so nothing can be found. Run Invoke-HostawaySync to upgrade it and build the index.");
        }
    }

    /// <summary>Piped objects become scopes (messages of any of them); null when nothing was piped.</summary>
    private List<MessageSearchScope>? Scopes()
    {
        if (!Scoped)
        {
            return null;
        }

        return
        [
            .. PipedIds(nameof(ConversationId)) is { } conversations ? [new MessageSearchScope(ConversationIds: conversations)] : Array.Empty<MessageSearchScope>(),
            .. PipedIds(nameof(ReservationId)) is { } reservations ? [new MessageSearchScope(ReservationIds: reservations)] : Array.Empty<MessageSearchScope>(),
            .. PipedIds(nameof(ListingId)) is { } listings ? [new MessageSearchScope(ListingIds: listings)] : Array.Empty<MessageSearchScope>(),
        ];
    }
}
