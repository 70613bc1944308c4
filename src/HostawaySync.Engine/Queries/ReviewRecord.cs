namespace HostawaySync.Engine.Queries;

/// <summary>A stored review, with the names of its listing, guest and channel and its category ratings.</summary>
public sealed class ReviewRecord
{
    /// <summary>Hostaway review id.</summary>
    public long ReviewId { get; init; }

    /// <summary>Listing.</summary>
    public long? ListingId { get; init; }

    /// <summary>The stored listing's name, else the name the review gives.</summary>
    public string? ListingName { get; init; }

    /// <summary>Reservation.</summary>
    public long? ReservationId { get; init; }

    /// <summary>The reservation's guest (a merged guest as the guest it was merged into), or null when the reservation is not stored.</summary>
    public long? GuestId { get; init; }

    /// <summary>That guest's name, else the reservation's, else the review's.</summary>
    public string? GuestName { get; init; }

    /// <summary>Channel id.</summary>
    public long? ChannelId { get; init; }

    /// <summary>The reservation's channel name.</summary>
    public string? ChannelName { get; init; }

    /// <summary>guest-to-host or host-to-guest.</summary>
    public string? Type { get; init; }

    /// <summary>awaiting, pending, scheduled, submitted, published or expired.</summary>
    public string? Status { get; init; }

    /// <summary>Overall rating, 0 to 10.</summary>
    public double? Rating { get; init; }

    /// <summary>The category ratings, by category name (code point order).</summary>
    public IReadOnlyList<ReviewCategoryRating> CategoryRatings { get; set; } = [];

    /// <summary>Public review text.</summary>
    public string? PublicReview { get; init; }

    /// <summary>Private feedback to the reviewee.</summary>
    public string? PrivateFeedback { get; init; }

    /// <summary>The reviewee's public response.</summary>
    public string? RevieweeResponse { get; init; }

    /// <summary>Whether the reviewer recommends the reviewee.</summary>
    public bool? IsRecommended { get; init; }

    /// <summary>Whether the review was cancelled.</summary>
    public bool? IsCancelled { get; init; }

    // The flags as both stores read them (SQLite's 0/1 and PostgreSQL's boolean cast to integer).
    internal long? RecommendedFlag { get => null; init => IsRecommended = value is { } flag ? flag != 0 : null; }

    internal long? CancelledFlag { get => null; init => IsCancelled = value is { } flag ? flag != 0 : null; }

    /// <summary>Arrival of the stay (UTC).</summary>
    public DateTime? ArrivalAt { get; init; }

    /// <summary>Departure of the stay (UTC).</summary>
    public DateTime? DepartureAt { get; init; }

    /// <summary>When a scheduled review is to be sent (UTC).</summary>
    public DateTime? ScheduledAt { get; init; }

    /// <summary>The channel's id of the review.</summary>
    public string? ExternalReviewId { get; init; }

    /// <summary>When the API stopped listing it (UTC), or null.</summary>
    public DateTime? DeletedAt { get; init; }
}

/// <summary>One category rating of a review.</summary>
/// <param name="Category">The category as the API names it (cleanliness, checkin, value_for_money...).</param>
/// <param name="Rating">Its rating, or null.</param>
public sealed record ReviewCategoryRating(string Category, double? Rating);
