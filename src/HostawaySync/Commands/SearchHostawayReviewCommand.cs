using System.Management.Automation;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Queries;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Searches the text of the stored reviews (public review, private feedback, host response): full-text, ranked best first, with a snippet.</para>
/// </summary>
/// <remarks>
/// The query language, ranking and snippets are Search-HostawayMessage's. Piped objects are collected and searched once at
/// the end, so ranking and -First cover all of them; each contributes its most specific id (a reservation's, else a
/// listing's, else a guest's). Ids given as arguments narrow further.
/// </remarks>
[Cmdlet(VerbsCommon.Search, "HostawayReview")]
[OutputType(typeof(HostawayReviewSearchResult))]
public sealed class SearchHostawayReviewCommand : ScopedSearchCmdlet
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

    /// <summary>Only reviews of these listings (binds from Get-HostawayListing output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ListingCompleter))]
    public long[]? ListingId { get; set; }

    /// <summary>Only reviews of these reservations (binds from Get-HostawayReservation output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? ReservationId { get; set; }

    /// <summary>Only reviews of these guests' stays (binds from Get-HostawayGuest output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? GuestId { get; set; }

    /// <summary>GuestToHost (what guests said) or HostToGuest (what hosts said about guests).</summary>
    [Parameter]
    [ValidateSet(ReviewTypes.GuestToHost, ReviewTypes.HostToGuest, IgnoreCase = true)]
    public string? Type { get; set; }

    /// <summary>Only reviews in these statuses.</summary>
    [Parameter]
    [ValidateSet("awaiting", "pending", "scheduled", "submitted", "published", "expired", IgnoreCase = true)]
    public string[]? Status { get; set; }

    /// <summary>Only reviews rated at least this (0 to 10); unrated reviews are left out.</summary>
    [Parameter]
    [ValidateRange(0.0, 10.0)]
    public decimal? MinRating { get; set; }

    /// <summary>Only reviews rated at most this (0 to 10); unrated reviews are left out.</summary>
    [Parameter]
    [ValidateRange(0.0, 10.0)]
    public decimal? MaxRating { get; set; }

    /// <summary>Only reviews of stays that ended at or after this time.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only reviews of stays that ended before this time.</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    /// <summary>At most this many results, the best ones. Default: all.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int First { get; set; }

    /// <summary>Also reviews (or reviews of reservations) the API no longer has.</summary>
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
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (ReviewTypes.RatingRangeError((double?)MinRating, (double?)MaxRating) is { } error)
        {
            ThrowTerminating(error);
        }
    }

    /// <inheritdoc />
    private protected override IEnumerable<(string Name, long[]? Values)> ScopeParameters =>
        [(nameof(ReservationId), ReservationId), (nameof(ListingId), ListingId), (nameof(GuestId), GuestId)];

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (NothingPiped)
        {
            return; // an empty pipeline selects no reviews
        }

        var database = ResolveStore(DatabasePath, DatabaseUrl);
        var filter = new ReviewSearchFilter(
            Query, string.Equals(Syntax, "Fts5", StringComparison.OrdinalIgnoreCase) ? MessageSearchSyntax.Fts5 : MessageSearchSyntax.Simple,
            Argument(nameof(ListingId), ListingId), Argument(nameof(ReservationId), ReservationId), Argument(nameof(GuestId), GuestId),
            Type is null ? null : [ReviewTypes.ToApi(Type)], Status, MinRating, MaxRating, ParameterTime.ToUtc(Since), ParameterTime.ToUtc(Until),
            First > 0 ? First : null, Scopes(), IncludeDeleted);
        IEnumerable<ReviewSearchRecord> results;
        try
        {
            results = StoreReader.SearchReviews(database, filter);
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw; // not reached: ThrowTerminatingError always throws
        }

        WriteRecords(database, results, r => r.ReviewId, HostawayReviewSearchResult.From);
    }

    /// <summary>Piped objects become scopes (reviews of any of them); null when nothing was piped.</summary>
    private List<ReviewSearchScope>? Scopes()
    {
        if (!Scoped)
        {
            return null;
        }

        return
        [
            .. PipedIds(nameof(ReservationId)) is { } reservations ? [new ReviewSearchScope(ReservationIds: reservations)] : Array.Empty<ReviewSearchScope>(),
            .. PipedIds(nameof(ListingId)) is { } listings ? [new ReviewSearchScope(ListingIds: listings)] : Array.Empty<ReviewSearchScope>(),
            .. PipedIds(nameof(GuestId)) is { } guests ? [new ReviewSearchScope(GuestIds: guests)] : Array.Empty<ReviewSearchScope>(),
        ];
    }
}
