namespace HostawaySync.Engine.Api;

/// <summary>The list endpoints whose totals the API reports.</summary>
public enum ApiResource
{
    /// <summary><c>GET /v1/listings</c>.</summary>
    Listings,

    /// <summary><c>GET /v1/reservations</c>.</summary>
    Reservations,

    /// <summary><c>GET /v1/conversations</c>.</summary>
    Conversations,

    /// <summary><c>GET /v1/reviews</c>.</summary>
    Reviews,
}
