using System.Management.Automation;
using HostawaySync.Engine.Queries;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets reviews from the local database: guests' reviews of their stays and hosts' reviews of guests.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "HostawayReview")]
[OutputType(typeof(HostawayReview))]
public sealed class GetHostawayReviewCommand : StoreQueryCmdlet
{
    /// <summary>Review ids.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public long[]? ReviewId { get; set; }

    /// <summary>Only reviews of these listings (binds from Get-HostawayListing output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ListingCompleter))]
    public long[]? ListingId { get; set; }

    /// <summary>Only reviews of these reservations (binds from Get-HostawayReservation output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? ReservationId { get; set; }

    /// <summary>Only reviews of these guests' reservations (binds from Get-HostawayGuest output; a merged guest's id finds the guest it was merged into).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? GuestId { get; set; }

    /// <summary>Only the guests' reviews of their stays (GuestToHost) or only the hosts' reviews of guests (HostToGuest).</summary>
    [Parameter]
    [ValidateSet(ReviewTypes.GuestToHost, ReviewTypes.HostToGuest, IgnoreCase = true)]
    public string[]? Type { get; set; }

    /// <summary>Only reviews in these states.</summary>
    [Parameter]
    [ValidateSet("awaiting", "pending", "scheduled", "submitted", "published", "expired", IgnoreCase = true)]
    public string[]? Status { get; set; }

    /// <summary>Only reviews rated at least this (0 to 10).</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public double? MinRating { get; set; }

    /// <summary>Only reviews rated at most this (0 to 10).</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public double? MaxRating { get; set; }

    /// <summary>Only reviews of stays that departed at or after this time.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only reviews of stays that departed before this time.</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    /// <summary>Also reviews the API no longer has, and reviews of reservations it no longer has.</summary>
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
        if (ReviewTypes.RatingRangeError(MinRating, MaxRating) is { } error)
        {
            ThrowTerminating(error);
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var types = Type?.Select(ReviewTypes.ToApi).ToList();
        var filter = new ReviewFilter(
            ReviewId, ListingId, ReservationId, GuestId, types, Status, MinRating, MaxRating, ParameterTime.ToUtc(Since), ParameterTime.ToUtc(Until), IncludeDeleted);
        var store = ResolveStore(DatabasePath, DatabaseUrl);
        WriteRecords(store, StoreReader.Reviews(store, filter), r => r.ReviewId, HostawayReview.From);
    }
}
