namespace HostawaySync.Output;

/// <summary>The resources Invoke-HostawaySync -Resource accepts.</summary>
public enum HostawayResource
{
    /// <summary>Listings and their photo metadata.</summary>
    Listings,

    /// <summary>Reservations and the guests derived from them.</summary>
    Reservations,

    /// <summary>Conversations, their messages and the conversation files.</summary>
    Conversations,

    /// <summary>Reviews (guest-to-host and host-to-guest) with their category ratings.</summary>
    Reviews,
}
