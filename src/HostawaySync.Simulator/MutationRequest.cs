namespace HostawaySync.Simulator;

/// <summary>How many changes of each kind <see cref="HostawaySimulator.Mutate"/> applies. All default to 0.</summary>
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

    /// <summary>Seed of this mutation; null derives one from the simulator seed and a mutation counter.</summary>
    public int? Seed { get; init; }
}
