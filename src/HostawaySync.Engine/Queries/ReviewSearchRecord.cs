namespace HostawaySync.Engine.Queries;

/// <summary>A review whose text matched a search: where it ranks, what it is about, and a snippet around the match.</summary>
public sealed class ReviewSearchRecord
{
    /// <summary>1-based position in the results (best first).</summary>
    public int Rank { get; init; }

    /// <summary>Relevance: FTS5's bm25() with its sign flipped, so higher is better. Comparable within one query only.</summary>
    public double Score { get; init; }

    /// <summary>Review id.</summary>
    public long ReviewId { get; init; }

    /// <summary>Listing.</summary>
    public long? ListingId { get; init; }

    /// <summary>The listing's name (the stored listing's, else the review's own).</summary>
    public string? ListingName { get; init; }

    /// <summary>Reservation.</summary>
    public long? ReservationId { get; init; }

    /// <summary>The reservation's (deduplicated) guest.</summary>
    public long? GuestId { get; init; }

    /// <summary>The guest's name (the reservation's, else the review's own).</summary>
    public string? GuestName { get; init; }

    /// <summary>guest-to-host or host-to-guest.</summary>
    public string? Type { get; init; }

    /// <summary>Review status.</summary>
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
}
