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

    /// <summary>Listings to delete.</summary>
    public int DeletedListings { get; init; }

    /// <summary>Seed of this mutation; null derives one from the simulator seed and a mutation counter.</summary>
    public int? Seed { get; init; }
}
