using HostawaySync.Simulator.Json;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Generation;

/// <summary>
/// Creates reviews consistent with their reservation and the account clock, and the review changes mutations make:
/// writing (rating, categories, texts) and the host's answer. A stay not over yet has at most an <c>awaiting</c>
/// guest review; an ended stay a guest review (written, awaiting or expired by its channel's
/// <see cref="ReviewPeriods"/>) and usually a host review; a cancelled reservation rarely one, flagged
/// <c>isCancelled</c>. iCal imports and requests that never became stays have none.
/// </summary>
internal static class ReviewFactory
{
    private static readonly string[] AirbnbGuestCategories = ["cleanliness", "communication", "accuracy", "checkin", "location", "value"];
    private static readonly string[] AirbnbHostCategories = ["cleanliness", "communication", "respect_house_rules"];
    private static readonly string[] BookingCategories = ["staff", "facilities", "cleanliness", "comfort", "value_for_money", "location"];
    private static readonly string[] OtherCategories = ["cleanliness", "communication", "location", "value"];

    /// <summary>Whether reservations of this channel and status can have reviews at all.</summary>
    public static bool CanHaveReviews(ReservationState reservation) =>
        !Channels.Get(reservation.ChannelId).IsIcal
        && reservation.Status is ReservationStatuses.New or ReservationStatuses.Modified or ReservationStatuses.Cancelled;

    /// <summary>
    /// The reviews a reservation has at <paramref name="now"/>, with ids from <paramref name="nextId"/> on;
    /// <paramref name="forceHostile"/> makes the texts hostile.
    /// </summary>
    public static List<ReviewState> ForReservation(DatasetContext context, ReservationState reservation, DateTime now, ref long nextId, bool forceHostile)
    {
        var reviews = new List<ReviewState>();
        if (!CanHaveReviews(reservation))
        {
            return reviews;
        }

        var rng = new DetRandom(context.Hash(HashTags.Review, reservation.Id));
        var hostile = forceHostile || rng.Chance(context.Dataset.HostileShare);
        var guest = Create(context, reservation, ReviewStatuses.GuestToHost, ReviewStatuses.Awaiting, nextId, rng);
        if (reservation.Status == ReservationStatuses.Cancelled)
        {
            if (rng.Chance(0.08))
            {
                reviews.Add(guest with { IsCancelled = true, Status = now < guest.PeriodEnd ? ReviewStatuses.Awaiting : ReviewStatuses.Expired });
                nextId += 1 + rng.Next(3);
            }

            return reviews;
        }

        if (now < guest.DepartureOn)
        {
            var started = guest.ArrivalOn <= now;
            if (rng.Chance(started ? 0.5 : 0.1))
            {
                reviews.Add(guest);
                nextId += 1 + rng.Next(3);
            }

            return reviews;
        }

        var period = ReviewPeriods.For(reservation.ChannelId);
        var writtenAt = Timestamps.Truncate(guest.DepartureOn + (period * rng.NextDouble()));
        if (rng.Chance(0.75) && writtenAt <= now)
        {
            var publish = now >= guest.PeriodEnd || !rng.Chance(0.3);
            guest = Write(guest, rng, hostile, publish ? writtenAt : null);
            if (publish && guest.PublicReview is not null && rng.Chance(0.3))
            {
                var answeredAt = writtenAt + TimeSpan.FromDays(ReviewPeriods.HostResponseDays * rng.NextDouble());
                guest = answeredAt <= now ? Respond(guest, rng, hostile) : guest;
            }
        }
        else
        {
            guest = guest with { Status = now < guest.PeriodEnd ? ReviewStatuses.Awaiting : ReviewStatuses.Expired };
        }

        reviews.Add(guest);
        nextId += 1 + rng.Next(3);
        if (rng.Chance(0.8))
        {
            reviews.Add(HostReview(context, reservation, now, nextId, rng));
            nextId += 1 + rng.Next(3);
        }

        return reviews;
    }

    /// <summary>A fresh review of the reservation in the given status, nothing written yet.</summary>
    public static ReviewState Create(DatasetContext context, ReservationState reservation, string type, string status, long id, DetRandom rng)
    {
        // The hours come from the reservation's own stream, so both reviews of a stay agree on them.
        var hours = new DetRandom(context.Hash(HashTags.Review, reservation.Id, 1));
        var channel = Channels.Get(reservation.ChannelId);
        return new ReviewState
        {
            Id = id,
            ListingId = reservation.ListingId,
            ReservationId = reservation.Id,
            ChannelId = reservation.ChannelId,
            Type = type,
            Status = status,
            ExternalReservationId = IsChannelReview(channel) ? ReservationFacts.ChannelReservationIdOf(context, reservation) : null,
            ArrivalOn = reservation.Arrival.ToDateTime(new TimeOnly(14 + hours.Next(4), 0)),
            DepartureOn = reservation.Departure.ToDateTime(new TimeOnly(10 + hours.Next(2), 0)),
            ListingName = reservation.ListingName,
            GuestName = reservation.GuestName,
            IsRevieweeRecommended = null,
            AutoReviewTemplateId = type == ReviewStatuses.HostToGuest && rng.Chance(0.3) ? 300 + rng.Next(20) : null,
        };
    }

    /// <summary>
    /// The review written: a rating (mostly 8 to 10, a tail of low ones), category ratings, usually a public text,
    /// sometimes private feedback; published when <paramref name="publishedOn"/> is set, submitted otherwise.
    /// </summary>
    public static ReviewState Write(ReviewState review, DetRandom rng, bool hostile, DateTime? publishedOn)
    {
        var rating = DrawRating(rng);
        var channel = Channels.Get(review.ChannelId);
        var names = review.IsGuestToHost
            ? channel.IsAirbnb ? AirbnbGuestCategories : channel.Id == 2005 ? BookingCategories : OtherCategories
            : channel.IsAirbnb ? AirbnbHostCategories : [];
        var categories = names.Select(name => new ReviewCategoryRating(name, Math.Clamp(rating + rng.Next(-2, 2), 0, 10))).ToList();
        var text = rng.Chance(0.9) ? ReviewTexts.ForRating(rating, rng.NextUInt64()) : null;
        if (hostile)
        {
            text = HostileStrings.Pick(rng.NextUInt64()) + "\n" + ReviewTexts.HostileTail;
        }

        return review with
        {
            Status = publishedOn is null ? ReviewStatuses.Submitted : ReviewStatuses.Published,
            PublishedOn = publishedOn,
            Rating = rating,
            Categories = categories,
            PublicReview = text,
            PrivateFeedback = rng.Chance(0.25) ? (hostile ? ReviewTexts.HostileTail : rng.Pick(ReviewTexts.Private)) : null,
            IsRevieweeRecommended = channel.IsAirbnb ? (rating >= 8 ? 1 : 0) : null,
            ExternalReviewId = IsChannelReview(channel) ? rng.Digits(9) : null,
        };
    }

    /// <summary>The review with the host's public answer.</summary>
    public static ReviewState Respond(ReviewState review, DetRandom rng, bool hostile) =>
        review with { RevieweeResponse = hostile ? HostileStrings.Pick(rng.NextUInt64()) + " " + ReviewTexts.HostileTail : rng.Pick(ReviewTexts.Responses) };

    /// <summary>Whether the channel carries its own review and reservation ids (not direct or website bookings).</summary>
    private static bool IsChannelReview(ChannelInfo channel) => channel.Id is not (2000 or 2013 or 2017);

    private static ReviewState HostReview(DatasetContext context, ReservationState reservation, DateTime now, long id, DetRandom rng)
    {
        var review = Create(context, reservation, ReviewStatuses.HostToGuest, ReviewStatuses.Pending, id, rng);
        if (Channels.Get(reservation.ChannelId).IsAirbnb && rng.Chance(0.6))
        {
            var delta = rng.Next(1, 8);
            var scheduled = review.DepartureOn.AddDays(delta);
            review = review with
            {
                AutoReviewId = 900_000 + id,
                TimeDelta = delta,
                ScheduledDateTime = scheduled,
                AutoReviewTemplateId = 300 + rng.Next(20),
                Status = ReviewStatuses.Scheduled,
            };
            return scheduled <= now ? Write(review, rng, hostile: false, scheduled) : review;
        }

        var writtenAt = Timestamps.Truncate(review.DepartureOn + (ReviewPeriods.For(reservation.ChannelId) * rng.NextDouble()));
        if (rng.Chance(0.85) && writtenAt <= now)
        {
            return Write(review, rng, hostile: false, writtenAt);
        }

        return review with { Status = now < review.PeriodEnd ? ReviewStatuses.Pending : ReviewStatuses.Expired };
    }

    private static int DrawRating(DetRandom rng)
    {
        var x = rng.NextDouble();
        return x < 0.5 ? 10 : x < 0.72 ? 9 : x < 0.86 ? 8 : x < 0.93 ? 7 : x < 0.96 ? 6 : rng.Next(0, 6);
    }
}
