namespace HostawaySync.Simulator.Http;

/// <summary>The <c>/v1</c> routes the simulator serves.</summary>
internal enum ApiRoute
{
    /// <summary>No such path.</summary>
    NotFound,

    /// <summary>A known path with a method the simulator does not serve.</summary>
    MethodNotAllowed,

    /// <summary><c>POST /v1/accessTokens</c>.</summary>
    IssueToken,

    /// <summary><c>DELETE /v1/accessTokens</c>.</summary>
    RevokeToken,

    /// <summary><c>GET /v1/listings</c>.</summary>
    Listings,

    /// <summary><c>GET /v1/listings/{id}</c>.</summary>
    Listing,

    /// <summary><c>GET /v1/reservations</c>.</summary>
    Reservations,

    /// <summary><c>GET /v1/reservations/{id}</c>.</summary>
    Reservation,

    /// <summary><c>GET /v1/reservations/{id}/conversations</c>.</summary>
    ReservationConversations,

    /// <summary><c>GET /v1/conversations</c>.</summary>
    Conversations,

    /// <summary><c>GET /v1/conversations/{id}</c>.</summary>
    Conversation,

    /// <summary><c>GET /v1/conversations/{id}/messages</c>.</summary>
    Messages,

    /// <summary><c>GET /v1/conversations/{id}/messages/{messageId}</c>.</summary>
    Message,

    /// <summary><c>GET /v1/reviews</c>.</summary>
    Reviews,

    /// <summary><c>GET /v1/reviews/{id}</c>.</summary>
    Review,
}
