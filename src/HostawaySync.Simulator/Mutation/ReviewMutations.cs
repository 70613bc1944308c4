using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Mutation;

/// <summary>
/// Review changes. Reviews have no update time, so no timestamp anywhere moves; and apart from
/// <see cref="ChangeOld"/>, no review changes once its departure plus its channel's review period plus the
/// host-response period (<see cref="ReviewState.ChangeHorizon"/>) has passed.
/// </summary>
internal static class ReviewMutations
{
    /// <summary>Adds a missing guest or host review to stays that ended within their review period.</summary>
    public static List<long> Create(MutationWork work, int count)
    {
        if (count == 0)
        {
            // Skips indexing every review on each call that asks for none (a Large account has ~200,000).
            return [];
        }

        var typesByReservation = work.Reviews.Values.ToLookup(r => r.ReservationId, r => r.Type);
        var picked = work.Pick(work.ReservationIdsAtStart, count, [], id => MissingType(work, id, typesByReservation) is not null);
        var created = new List<long>();
        foreach (var reservationId in picked)
        {
            var rng = work.Rng;
            var reservation = work.Reservations[reservationId];
            var type = MissingType(work, reservationId, typesByReservation)!;
            var id = work.Counters.NextReviewId;
            var review = ReviewFactory.Create(work.Context, reservation, type, type == ReviewStatuses.GuestToHost ? ReviewStatuses.Awaiting : ReviewStatuses.Pending, id, rng);
            var roll = rng.NextDouble();
            if (roll >= 0.4)
            {
                review = ReviewFactory.Write(review, rng, rng.Chance(work.Context.Dataset.HostileShare), roll < 0.6 && review.IsGuestToHost ? null : work.Now);
            }

            work.Reviews.Add(id, review);
            work.TouchedReviews.Add(id);
            work.Counters = work.Counters with { NextReviewId = id + 1 + rng.Next(3) };
            created.Add(id);
        }

        return created;
    }

    /// <summary>
    /// Moves reviews along their lifecycle within their period: awaiting and pending ones get written (or expire
    /// once the period is over), scheduled ones run, submitted ones are published.
    /// </summary>
    public static List<long> Advance(MutationWork work, int count)
    {
        var picked = work.Pick(work.ReviewIdsAtStart, count, work.TouchedReviews, id => Live(work, id) is { } r
            && !r.IsCancelled
            && r.DepartureOn <= work.Now
            && work.Now < r.ChangeHorizon
            && r.Status is ReviewStatuses.Awaiting or ReviewStatuses.Pending or ReviewStatuses.Scheduled or ReviewStatuses.Submitted);
        foreach (var id in picked)
        {
            var rng = work.Rng;
            var review = work.Reviews[id];
            var open = work.Now < review.PeriodEnd;
            work.Reviews[id] = review.Status switch
            {
                ReviewStatuses.Submitted => review with { Status = ReviewStatuses.Published, PublishedOn = work.Now },
                ReviewStatuses.Scheduled => ReviewFactory.Write(review, rng, hostile: false, open && rng.Chance(0.3) ? null : work.Now),
                _ when !open => review with { Status = ReviewStatuses.Expired },
                ReviewStatuses.Awaiting => ReviewFactory.Write(review, rng, rng.Chance(work.Context.Dataset.HostileShare), rng.Chance(0.3) ? null : work.Now),
                _ => ReviewFactory.Write(review, rng, hostile: false, work.Now),
            };
        }

        return picked;
    }

    /// <summary>Adds the host's answer to published guest reviews within the host-response period.</summary>
    public static List<long> Respond(MutationWork work, int count)
    {
        var picked = work.Pick(work.ReviewIdsAtStart, count, work.TouchedReviews, id => Live(work, id) is { } r
            && CanBeAnswered(r)
            && r.PublishedOn is { } published
            && work.Now < published.AddDays(ReviewPeriods.HostResponseDays)
            && work.Now < r.ChangeHorizon);
        foreach (var id in picked)
        {
            work.Reviews[id] = ReviewFactory.Respond(work.Reviews[id], work.Rng, work.Rng.Chance(work.Context.Dataset.HostileShare));
        }

        return picked;
    }

    /// <summary>Deletes reviews that may still change (before their change horizon).</summary>
    public static List<long> Delete(MutationWork work, int count)
    {
        var picked = work.Pick(work.ReviewIdsAtStart, count, work.TouchedReviews, id => Live(work, id) is { } r && work.Now < r.ChangeHorizon);
        foreach (var id in picked)
        {
            work.Reviews.Remove(id);
            work.DeletedReviewIds.Add(id);
        }

        return picked;
    }

    /// <summary>
    /// Deliberately changes published reviews whose departure is older than
    /// <see cref="ReviewPeriods.LatestChangeAfterDeparture"/>: a late host answer, or else an edited public text.
    /// Only a full pass over all reviews can see these.
    /// </summary>
    public static List<long> ChangeOld(MutationWork work, int count)
    {
        var picked = work.Pick(work.ReviewIdsAtStart, count, work.TouchedReviews, id => Live(work, id) is { } r
            && r.Status == ReviewStatuses.Published
            && r.DepartureOn + ReviewPeriods.LatestChangeAfterDeparture < work.Now);
        foreach (var id in picked)
        {
            var review = work.Reviews[id];
            work.Reviews[id] = CanBeAnswered(review)
                ? ReviewFactory.Respond(review, work.Rng, hostile: false)
                : review with { PublicReview = ((review.PublicReview ?? string.Empty) + " [edited] " + work.Rng.Pick(ReviewTexts.Mixed)).TrimStart() };
        }

        return picked;
    }

    /// <summary>Flags the reviews of just-cancelled reservations <c>isCancelled</c>, where they may still change.</summary>
    public static List<long> FlagCancelled(MutationWork work, IReadOnlyCollection<long> reservationIds)
    {
        var cancelled = reservationIds.ToHashSet();
        var flagged = work.Reviews.Values
            .Where(r => cancelled.Contains(r.ReservationId) && !r.IsCancelled && work.Now < r.ChangeHorizon && !work.TouchedReviews.Contains(r.Id))
            .Select(r => r.Id)
            .Order()
            .ToList();
        foreach (var id in flagged)
        {
            work.Reviews[id] = work.Reviews[id] with { IsCancelled = true };
            work.TouchedReviews.Add(id);
        }

        return flagged;
    }

    private static ReviewState? Live(MutationWork work, long id) => work.Reviews.GetValueOrDefault(id);

    private static bool CanBeAnswered(ReviewState review) =>
        review.IsGuestToHost && review.Status == ReviewStatuses.Published && review.PublicReview is not null && review.RevieweeResponse is null;

    /// <summary>The review type a stay that ended within its period still lacks, or null.</summary>
    private static string? MissingType(MutationWork work, long reservationId, ILookup<long, string> typesByReservation)
    {
        if (!work.Reservations.TryGetValue(reservationId, out var reservation)
            || reservation.Status == ReservationStatuses.Cancelled
            || !ReviewFactory.CanHaveReviews(reservation))
        {
            return null;
        }

        // Check-out is at 10 or 11 o'clock: departed for sure from noon on, and still open until 10 o'clock plus the period.
        var departed = reservation.Departure.ToDateTime(new TimeOnly(12, 0)) <= work.Now;
        var open = work.Now < reservation.Departure.ToDateTime(new TimeOnly(10, 0)) + ReviewPeriods.For(reservation.ChannelId);
        if (!departed || !open)
        {
            return null;
        }

        var types = typesByReservation[reservationId];
        return ReviewStatuses.Types.FirstOrDefault(t => !types.Contains(t));
    }
}
