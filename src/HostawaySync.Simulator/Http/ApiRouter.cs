using System.Globalization;

namespace HostawaySync.Simulator.Http;

/// <summary>Maps method and path to a route. Paths are case-sensitive; a trailing slash is tolerated.</summary>
internal static class ApiRouter
{
    /// <summary>Matches a request path below <c>/v1</c>.</summary>
    public static RouteMatch Match(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[0] != "v1")
        {
            return new RouteMatch(ApiRoute.NotFound, $"{method} /v1/*", null, null);
        }

        var id = segments.Length > 2 ? ParseId(segments[2]) : null;
        var subId = segments.Length > 4 ? ParseId(segments[4]) : null;
        var (route, template) = (segments[1], segments.Length) switch
        {
            ("accessTokens", 2) => (method == "DELETE" ? ApiRoute.RevokeToken : ApiRoute.IssueToken, "/v1/accessTokens"),
            ("listings", 2) => (ApiRoute.Listings, "/v1/listings"),
            ("listings", 3) => (ApiRoute.Listing, "/v1/listings/{id}"),
            ("reservations", 2) => (ApiRoute.Reservations, "/v1/reservations"),
            ("reservations", 3) => (ApiRoute.Reservation, "/v1/reservations/{id}"),
            ("reservations", 4) when segments[3] == "conversations" => (ApiRoute.ReservationConversations, "/v1/reservations/{id}/conversations"),
            ("conversations", 2) => (ApiRoute.Conversations, "/v1/conversations"),
            ("conversations", 3) => (ApiRoute.Conversation, "/v1/conversations/{id}"),
            ("conversations", 4) when segments[3] == "messages" => (ApiRoute.Messages, "/v1/conversations/{id}/messages"),
            ("reviews", 2) => (ApiRoute.Reviews, "/v1/reviews"),
            ("reviews", 3) => (ApiRoute.Review, "/v1/reviews/{id}"),
            ("conversations", 5) when segments[3] == "messages" => (ApiRoute.Message, "/v1/conversations/{id}/messages/{messageId}"),
            _ => (ApiRoute.NotFound, "/v1/*"),
        };

        var allowed = route switch
        {
            ApiRoute.NotFound => true,
            ApiRoute.IssueToken => method == "POST",
            ApiRoute.RevokeToken => true,
            _ => method == "GET",
        };
        return new RouteMatch(allowed ? route : ApiRoute.MethodNotAllowed, $"{method} {template}", id, subId);
    }

    private static long? ParseId(string segment) =>
        long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
