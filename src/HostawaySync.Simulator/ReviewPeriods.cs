namespace HostawaySync.Simulator;

/// <summary>
/// How long reviews stay open, per channel, and the horizon after which nothing about a review changes any more.
/// A guest and a host may review until the channel's review period after check-out has passed; the host may then
/// answer a published guest review for <see cref="HostResponseDays"/> more days. Mutations respect these limits
/// (except the deliberate <see cref="MutationRequest.OldReviewChanges"/>), so an incremental pass that re-reads
/// reviews departed within <see cref="LatestChangeAfterDeparture"/> sees every change.
/// </summary>
public static class ReviewPeriods
{
    /// <summary>Airbnb (2018 airbnbOfficial and the legacy 2001 airbnb): 14 days after check-out.</summary>
    public const int AirbnbDays = 14;

    /// <summary>Booking.com (2005): 28 days after check-out.</summary>
    public const int BookingComDays = 28;

    /// <summary>Vrbo/HomeAway (2002): 14 days after check-out.</summary>
    public const int VrboDays = 14;

    /// <summary>Direct bookings and every other channel: 14 days after check-out.</summary>
    public const int OtherDays = 14;

    /// <summary>How long after a guest review is published the host may still answer it.</summary>
    public const int HostResponseDays = 30;

    /// <summary>
    /// The longest review period plus the host-response period: after check-out plus this span no review changes
    /// any more (apart from <see cref="MutationRequest.OldReviewChanges"/>). At most 60 days.
    /// </summary>
    public static readonly TimeSpan LatestChangeAfterDeparture = TimeSpan.FromDays(BookingComDays + HostResponseDays);

    /// <summary>The review period of a channel in days.</summary>
    public static int DaysFor(int channelId) => channelId switch
    {
        2001 or 2018 => AirbnbDays,
        2005 => BookingComDays,
        2002 => VrboDays,
        _ => OtherDays,
    };

    /// <summary>The review period of a channel.</summary>
    public static TimeSpan For(int channelId) => TimeSpan.FromDays(DaysFor(channelId));
}
