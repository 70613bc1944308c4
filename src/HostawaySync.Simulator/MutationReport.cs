namespace HostawaySync.Simulator;

/// <summary>Every id a <see cref="HostawaySimulator.Mutate"/> call touched, by kind of change.</summary>
/// <param name="UpdatedReservationIds">Reservations modified (updatedOn and latestActivityOn moved).</param>
/// <param name="NewReservationIds">Reservations created.</param>
/// <param name="CancelledReservationIds">Reservations cancelled (updatedOn and latestActivityOn moved).</param>
/// <param name="DeletedReservationIds">Reservations deleted, on their own or with their listing.</param>
/// <param name="ConversationIdsWithNewMessages">Conversations that received messages (including new ones).</param>
/// <param name="NewMessageIds">Messages created.</param>
/// <param name="NewListingIds">Listings created.</param>
/// <param name="UpdatedListingIds">Listings whose content changed (latestActivityOn does not move).</param>
/// <param name="DeletedListingIds">Listings deleted, with or without their reservations.</param>
public sealed record MutationReport(
    IReadOnlyList<long> UpdatedReservationIds,
    IReadOnlyList<long> NewReservationIds,
    IReadOnlyList<long> CancelledReservationIds,
    IReadOnlyList<long> DeletedReservationIds,
    IReadOnlyList<long> ConversationIdsWithNewMessages,
    IReadOnlyList<long> NewMessageIds,
    IReadOnlyList<long> NewListingIds,
    IReadOnlyList<long> UpdatedListingIds,
    IReadOnlyList<long> DeletedListingIds)
{
    /// <summary>Conversations created because a new message went to a reservation without one.</summary>
    public IReadOnlyList<long> NewConversationIds { get; init; } = [];

    /// <summary>Conversations removed: deleted on their own, or together with their deleted reservations.</summary>
    public IReadOnlyList<long> DeletedConversationIds { get; init; } = [];

    /// <summary>
    /// Scheduled messages cancelled by the user (status and the message's <c>updatedOn</c> changed; no conversation
    /// or reservation timestamp moved).
    /// </summary>
    public IReadOnlyList<long> ChangedMessageIds { get; init; } = [];

    /// <summary>Reviews created (<see cref="MutationRequest.NewReviews"/>).</summary>
    public IReadOnlyList<long> NewReviewIds { get; init; } = [];

    /// <summary>Reviews moved along their lifecycle (<see cref="MutationRequest.AdvancedReviews"/>).</summary>
    public IReadOnlyList<long> AdvancedReviewIds { get; init; } = [];

    /// <summary>Reviews that got the host's answer (<see cref="MutationRequest.HostResponses"/>).</summary>
    public IReadOnlyList<long> RespondedReviewIds { get; init; } = [];

    /// <summary>Reviews removed: deleted on their own, or together with their deleted reservations.</summary>
    public IReadOnlyList<long> DeletedReviewIds { get; init; } = [];

    /// <summary>Reviews changed after their change horizon (<see cref="MutationRequest.OldReviewChanges"/>).</summary>
    public IReadOnlyList<long> OldChangedReviewIds { get; init; } = [];

    /// <summary>Reviews flagged <c>isCancelled</c> because this call cancelled their reservation.</summary>
    public IReadOnlyList<long> CancelledReviewIds { get; init; } = [];

    /// <summary>Reservations whose <c>latestActivityOn</c> moved because of new messages (their <c>updatedOn</c> did not).</summary>
    public IReadOnlyList<long> ReservationIdsWithNewMessages { get; init; } = [];
}
