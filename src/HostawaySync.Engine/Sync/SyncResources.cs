namespace HostawaySync.Engine.Sync;

/// <summary>The resources a run covers.</summary>
[Flags]
public enum SyncResources
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Listings and their photo metadata.</summary>
    Listings = 1,

    /// <summary>Reservations and the guests derived from them.</summary>
    Reservations = 2,

    /// <summary>Conversations and their messages.</summary>
    Conversations = 4,

    /// <summary>Reviews (both directions) with their category ratings.</summary>
    Reviews = 8,

    /// <summary>All of them.</summary>
    All = Listings | Reservations | Conversations | Reviews,
}
