using System.Management.Automation;

namespace HostawaySync.Output;

/// <summary>What Search-HostawayReview returns: a review whose text matched, its rank, a snippet and its texts; flat, CSV-friendly columns.</summary>
public sealed class HostawayReviewSearchResult : IStoredObject
{
    /// <inheritdoc />
    [Hidden]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    [Hidden]
    public string? DatabaseUrl { get; set; }

    /// <summary>1-based position in the results, best first.</summary>
    public int Rank { get; init; }

    /// <summary>Relevance (FTS5 bm25 with its sign flipped: higher is better); comparable within one search only.</summary>
    public double Score { get; init; }

    /// <summary>Review id.</summary>
    public long ReviewId { get; init; }

    /// <summary>Listing.</summary>
    public long? ListingId { get; init; }

    /// <summary>The listing's name.</summary>
    public string? ListingName { get; init; }

    /// <summary>Reservation.</summary>
    public long? ReservationId { get; init; }

    /// <summary>The reservation's (deduplicated) guest.</summary>
    public long? GuestId { get; init; }

    /// <summary>The guest's name.</summary>
    public string? GuestName { get; init; }

    /// <summary>guest-to-host (the guest's review of the stay) or host-to-guest, as the API names them.</summary>
    public string? Type { get; init; }

    /// <summary>awaiting, pending, scheduled, submitted, published or expired.</summary>
    public string? Status { get; init; }

    /// <summary>Overall rating, 0 to 10.</summary>
    public decimal? Rating { get; init; }

    /// <summary>When the stay ended (UTC).</summary>
    public DateTime? DepartureAt { get; init; }

    /// <summary>About a dozen words around the match on one line, matched words in [brackets], … where the text was cut.</summary>
    public string? Snippet { get; init; }

    /// <summary>The public review.</summary>
    public string? PublicReview { get; init; }

    /// <summary>The private feedback.</summary>
    public string? PrivateFeedback { get; init; }

    /// <summary>The reviewee's (the host's) response.</summary>
    public string? RevieweeResponse { get; init; }

    internal static HostawayReviewSearchResult From(HostawaySync.Engine.Queries.ReviewSearchRecord record) => new()
    {
        Rank = record.Rank,
        Score = record.Score,
        ReviewId = record.ReviewId,
        ListingId = record.ListingId,
        ListingName = record.ListingName,
        ReservationId = record.ReservationId,
        GuestId = record.GuestId,
        GuestName = record.GuestName,
        Type = record.Type,
        Status = record.Status,
        Rating = record.Rating,
        DepartureAt = record.DepartureAt,
        Snippet = record.Snippet,
        PublicReview = record.PublicReview,
        PrivateFeedback = record.PrivateFeedback,
        RevieweeResponse = record.RevieweeResponse,
    };
}
