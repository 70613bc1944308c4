namespace HostawaySync.Simulator.Model;

/// <summary>
/// One review as stored: every served field except <c>accountId</c>. Reservation-derived values (dates, names,
/// channel) are copied when the review is created, so later edits of the reservation or listing do not change it:
/// a review changes only through review mutations.
/// </summary>
internal sealed record ReviewState
{
    /// <summary>Review id.</summary>
    public required long Id { get; init; }

    /// <summary>The listing (<c>listingMapId</c>).</summary>
    public required long ListingId { get; init; }

    /// <summary>The Hostaway reservation id (<c>reservationId</c>).</summary>
    public required long ReservationId { get; init; }

    /// <summary>The reservation's channel.</summary>
    public required int ChannelId { get; init; }

    /// <summary><c>guest-to-host</c> or <c>host-to-guest</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Lifecycle status (<see cref="ReviewStatuses"/>).</summary>
    public required string Status { get; init; }

    /// <summary>Overall rating 0 to 10; null unless submitted or published.</summary>
    public int? Rating { get; init; }

    /// <summary>Category ratings; empty unless rated.</summary>
    public IReadOnlyList<ReviewCategoryRating> Categories { get; init; } = [];

    /// <summary>The channel's review id (a string), for channel reviews that were written.</summary>
    public string? ExternalReviewId { get; init; }

    /// <summary>The channel's reservation id (a string), for channel reviews.</summary>
    public string? ExternalReservationId { get; init; }

    /// <summary>The public text.</summary>
    public string? PublicReview { get; init; }

    /// <summary>Private feedback to the reviewee.</summary>
    public string? PrivateFeedback { get; init; }

    /// <summary>The reviewee's (host's) public answer.</summary>
    public string? RevieweeResponse { get; init; }

    /// <summary>Whether the reviewer recommends the reviewee: 0, 1 or null.</summary>
    public int? IsRevieweeRecommended { get; init; }

    /// <summary>Whether the reservation was cancelled after the review was created.</summary>
    public bool IsCancelled { get; init; }

    /// <summary>The auto-review id of a scheduled host-to-guest review.</summary>
    public long? AutoReviewId { get; init; }

    /// <summary>Days after check-out the auto review runs.</summary>
    public int? TimeDelta { get; init; }

    /// <summary>When the auto review runs.</summary>
    public DateTime? ScheduledDateTime { get; init; }

    /// <summary>The auto-review template.</summary>
    public long? AutoReviewTemplateId { get; init; }

    /// <summary>Check-in (the reservation's arrival date with a check-in hour).</summary>
    public required DateTime ArrivalOn { get; init; }

    /// <summary>Check-out (the reservation's departure date with a check-out hour).</summary>
    public required DateTime DepartureOn { get; init; }

    /// <summary>The listing name as the reservation had it.</summary>
    public string? ListingName { get; init; }

    /// <summary>The guest name as the reservation had it.</summary>
    public string? GuestName { get; init; }

    /// <summary>When the review was published (not served; it bounds the host-response period).</summary>
    public DateTime? PublishedOn { get; init; }

    /// <summary>The departure date part, which the date filters compare.</summary>
    public DateOnly DepartureDate => DateOnly.FromDateTime(DepartureOn);

    /// <summary>The end of this review's review period.</summary>
    public DateTime PeriodEnd => DepartureOn + ReviewPeriods.For(ChannelId);

    /// <summary>After this instant nothing about the review changes (except deliberate old-review changes).</summary>
    public DateTime ChangeHorizon => PeriodEnd + TimeSpan.FromDays(ReviewPeriods.HostResponseDays);

    /// <summary>Whether this is a guest's review of the host.</summary>
    public bool IsGuestToHost => Type == ReviewStatuses.GuestToHost;
}
