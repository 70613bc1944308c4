using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Mutation;

/// <summary>
/// Applies a <see cref="MutationRequest"/> to a snapshot and returns the next snapshot. Each object gets at most
/// one kind of change per call, so the report says exactly what happened to each id.
/// Order: listings (new, edited, deleted, deleted with their reservations), reservations (new, modified, cancelled,
/// deleted), new messages, conversations deleted on their own, cancelled scheduled messages, then reviews
/// (flagged cancelled with their reservation, new, advanced, answered, deleted, changed after the horizon).
/// </summary>
internal static class Mutator
{
    /// <summary>Applies the request; <paramref name="seed"/> makes the choices reproducible.</summary>
    public static (AccountSnapshot Snapshot, MutationReport Report) Apply(AccountSnapshot snapshot, MutationRequest request, int seed, DateTime now)
    {
        int[] counts =
        [
            request.UpdatedReservations, request.NewReservations, request.CancelledReservations, request.DeletedReservations,
            request.NewMessages, request.NewListings, request.UpdatedListings, request.DeletedListings,
            request.DeletedListingsWithReservations, request.DeletedConversations, request.ChangedScheduledMessages,
            request.NewReviews, request.AdvancedReviews, request.HostResponses, request.DeletedReviews, request.OldReviewChanges,
        ];
        if (counts.Any(n => n < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(request), "Mutation counts must not be negative.");
        }

        var work = new MutationWork(snapshot, new DetRandom(StableHash.Of(snapshot.Context.Seed, HashTags.Mutation, seed)), now);
        var newListings = ListingMutations.Create(work, request.NewListings);
        var updatedListings = ListingMutations.Update(work, request.UpdatedListings);
        var deletedListings = ListingMutations.Delete(work, request.DeletedListings);
        var withReservations = ListingMutations.DeleteWithReservations(work, request.DeletedListingsWithReservations);
        var newReservations = ReservationMutations.Create(work, request.NewReservations);
        var updatedReservations = ReservationMutations.Update(work, request.UpdatedReservations);
        var cancelledReservations = ReservationMutations.Cancel(work, request.CancelledReservations);
        var (deletedReservations, deletedConversations) = ReservationMutations.Delete(work, request.DeletedReservations);
        var messages = MessageMutations.Add(work, request.NewMessages);

        // Conversations of reservations this call changed, created, deleted or sent messages to stay.
        work.TouchedReservations.UnionWith(messages.ReservationIds);
        var ownConversations = ConversationMutations.Delete(work, request.DeletedConversations);
        var changedMessages = MessageMutations.CancelScheduled(work, request.ChangedScheduledMessages);
        var cancelledReviews = ReviewMutations.FlagCancelled(work, cancelledReservations);
        var newReviews = ReviewMutations.Create(work, request.NewReviews);
        var advancedReviews = ReviewMutations.Advance(work, request.AdvancedReviews);
        var answeredReviews = ReviewMutations.Respond(work, request.HostResponses);
        var deletedReviews = ReviewMutations.Delete(work, request.DeletedReviews);
        var oldReviews = ReviewMutations.ChangeOld(work, request.OldReviewChanges);

        var next = work.ToSnapshot();
        var report = new MutationReport(
            updatedReservations,
            newReservations,
            cancelledReservations,
            [.. withReservations.Reservations, .. deletedReservations],
            messages.ConversationIds,
            messages.MessageIds,
            newListings,
            updatedListings,
            [.. deletedListings, .. withReservations.Listings])
        {
            NewConversationIds = messages.NewConversationIds,
            DeletedConversationIds = [.. withReservations.Conversations, .. deletedConversations, .. ownConversations],
            ReservationIdsWithNewMessages = messages.ReservationIds,
            ChangedMessageIds = changedMessages,
            NewReviewIds = newReviews,
            AdvancedReviewIds = advancedReviews,
            RespondedReviewIds = answeredReviews,
            DeletedReviewIds = [.. work.ReviewsRemovedWithReservations, .. deletedReviews],
            OldChangedReviewIds = oldReviews,
            CancelledReviewIds = cancelledReviews,
        };
        return (next, report);
    }

    /// <summary>
    /// Brings one row to the front of its list through the same working copy as any mutation, so the swap stays
    /// atomic and the ground truth shows it. Null when the row no longer exists.
    /// </summary>
    public static AccountSnapshot? Move(AccountSnapshot snapshot, RowMove move, int seed, DateTime now)
    {
        var work = new MutationWork(snapshot, new DetRandom(StableHash.Of(snapshot.Context.Seed, HashTags.Mutation, seed)), now);
        var moved = move.Kind switch
        {
            MoveKind.Listing => OrderMoves.ListingToFront(work, move.Id),
            MoveKind.Conversation => OrderMoves.ConversationToFront(work, move.Id),
            MoveKind.Reservation => ReservationMutations.UpdateOne(work, move.Id),
            MoveKind.Message => MessageMutations.AddTo(work, move.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(move), move.Kind, "Unknown move kind."),
        };
        return moved ? work.ToSnapshot() : null;
    }
}
