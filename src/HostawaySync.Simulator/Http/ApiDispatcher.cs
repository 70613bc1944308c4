using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// Rate limits, authentication and routing of one <c>/v1</c> request. Order: the IP limit applies to every
/// request (the token endpoint included); a valid token adds its account's limit; rejected requests consume no
/// slot; only a request within its limits is checked for a usable token (403) and then routed.
/// </summary>
internal static class ApiDispatcher
{
    /// <summary>The 429 text (own wording; the documented body has the same shape).</summary>
    public const string RateLimitMessage =
        "Too many requests: this account or IP address went over its request budget for the current 10-second window. Slow down and retry later.";

    /// <summary>The live 403 text.</summary>
    public const string ForbiddenMessage = "The resource owner or authorization server denied the request.";

    /// <summary>Produces the response for a request that was not failed by a fault.</summary>
    public static async Task<ApiResponse> DispatchAsync(
        SimulatorCore core, HttpContext http, RouteMatch match, SimulatorSettings settings, CancellationToken cancellationToken)
    {
        var ip = new RateBucket("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), settings.IpRequestsPer10Seconds, "ip");
        var needsToken = match.Route is not (ApiRoute.IssueToken or ApiRoute.RevokeToken or ApiRoute.NotFound or ApiRoute.MethodNotAllowed);
        var (status, accountId) = needsToken
            ? core.Tokens.Check(Bearer(http.Request), settings.TokenWarmup)
            : (TokenStatus.Missing, 0L);
        RateBucket[] buckets = status == TokenStatus.Valid
            ? [ip, new RateBucket("account:" + accountId.ToString(CultureInfo.InvariantCulture), settings.AccountRequestsPer10Seconds, "account")]
            : [ip];
        var decision = core.Limiter.TryAcquire(buckets);
        if (!decision.Allowed)
        {
            core.Stats.RateLimited(new RateLimitRefusal(
                decision.At, decision.Applied, decision.Limit, decision.RetryAfterUnixSeconds, match.Template, decision.Key));
            return ApiResponse.FailMessage(429, RateLimitMessage) with
            {
                Headers =
                [
                    new("X-RateLimit-Limit", decision.Limit.ToString(CultureInfo.InvariantCulture)),
                    new("X-RateLimit-Remaining", "0"),
                    new("X-RateLimit-Applied", decision.Applied),
                    new("X-RateLimit-Retry-After", decision.RetryAfterUnixSeconds.ToString(CultureInfo.InvariantCulture)),
                ],
            };
        }

        if (needsToken && status != TokenStatus.Valid)
        {
            core.Stats.Forbidden();
            return ApiResponse.FailMessage(403, ForbiddenMessage);
        }

        var snapshot = core.Snapshot;
        var query = http.Request.Query;
        var list = new ListCall(core, snapshot, settings, match.Route);
        return match.Route switch
        {
            ApiRoute.IssueToken => await TokenEndpoints.IssueAsync(core, http.Request, cancellationToken),
            ApiRoute.RevokeToken => TokenEndpoints.Revoke(core, http.Request),
            ApiRoute.Listings => ListingEndpoints.List(list, query),
            ApiRoute.Listing => ListingEndpoints.Get(snapshot, match.Id, query),
            ApiRoute.Reservations => ReservationEndpoints.List(list, query),
            ApiRoute.Reservation => ReservationEndpoints.Get(snapshot, match.Id, query),
            ApiRoute.ReservationConversations => ReservationEndpoints.Conversations(snapshot, match.Id, query),
            ApiRoute.Conversations => ConversationEndpoints.List(list, query),
            ApiRoute.Conversation => ConversationEndpoints.Get(snapshot, match.Id, query),
            ApiRoute.Messages => ConversationEndpoints.Messages(list, match.Id, query),
            ApiRoute.Message => ConversationEndpoints.Message(snapshot, match.Id, match.SubId),
            ApiRoute.Reviews => ReviewEndpoints.List(list, query),
            ApiRoute.Review => ReviewEndpoints.Get(snapshot, match.Id),
            ApiRoute.MethodNotAllowed => ApiResponse.FailResult(405, "Method not allowed"),
            _ => ApiResponse.FailResult(404, "Not found"),
        };
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
