namespace HostawaySync.Simulator;

/// <summary>
/// How many changes of each kind <see cref="HostawaySimulator.Mutate"/> applies. All default to 0. No review change
/// moves any timestamp (reviews have none; reservations' <c>updatedOn</c>/<c>latestActivityOn</c> stay).
/// </summary>
public sealed record MutationRequest
{
    /// <summary>Existing reservations to modify (dates, price, guest count or status).</summary>
    public int UpdatedReservations { get; init; }

    /// <summary>New reservations to create, some by repeat guests.</summary>
    public int NewReservations { get; init; }

    /// <summary>Reservations to cancel.</summary>
    public int CancelledReservations { get; init; }

    /// <summary>Reservations to delete (they vanish from every endpoint, with their conversations).</summary>
    public int DeletedReservations { get; init; }

    /// <summary>New messages, from guests and hosts, spread over reservations.</summary>
    public int NewMessages { get; init; }

    /// <summary>New listings.</summary>
    public int NewListings { get; init; }

    /// <summary>Listings whose content (price, texts, images) changes.</summary>
    public int UpdatedListings { get; init; }

    /// <summary>Listings to delete; their reservations and conversations stay, pointing at the deleted listing.</summary>
    public int DeletedListings { get; init; }

    /// <summary>Listings to delete together with all their reservations and those reservations' conversations.</summary>
    public int DeletedListingsWithReservations { get; init; }

    /// <summary>
    /// Conversations to delete on their own: their reservation stays, and its <c>updatedOn</c> and
    /// <c>latestActivityOn</c> do not move.
    /// </summary>
    public int DeletedConversations { get; init; }

    /// <summary>
    /// Scheduled messages (<c>awaiting</c> or <c>paused</c>) the user cancels: the status becomes
    /// <c>cancelled_by_user</c> and the message's own <c>updatedOn</c> moves, but no timestamp a list endpoint shows
    /// does (not the conversation's, not the reservation's), so only reading the messages again reveals it.
    /// </summary>
    public int ChangedScheduledMessages { get; init; }

    /// <summary>
    /// Reviews appearing for stays that ended within their channel's review period (<see cref="ReviewPeriods"/>):
    /// the guest's or the host's review the stay still lacks, awaiting, pending, submitted or published.
    /// </summary>
    public int NewReviews { get; init; }

    /// <summary>
    /// Reviews moved along their lifecycle before their change horizon: awaiting to submitted or published (with
    /// rating, categories and text), pending to published, scheduled to submitted or published, submitted to
    /// published, and awaiting or pending to expired once the review period is over.
    /// </summary>
    public int AdvancedReviews { get; init; }

    /// <summary>
    /// Published guest reviews that get the host's <c>revieweeResponse</c>, within
    /// <see cref="ReviewPeriods.HostResponseDays"/> of publication.
    /// </summary>
    public int HostResponses { get; init; }

    /// <summary>Reviews to delete (before their change horizon); they vanish from every endpoint.</summary>
    public int DeletedReviews { get; init; }

    /// <summary>
    /// Published reviews whose departure is older than <see cref="ReviewPeriods.LatestChangeAfterDeparture"/> that
    /// change anyway (a late host answer, or an edited text): only a full pass over all reviews sees these.
    /// </summary>
    public int OldReviewChanges { get; init; }

    /// <summary>Seed of this mutation; null derives one from the simulator seed and a mutation counter.</summary>
    public int? Seed { get; init; }
}
