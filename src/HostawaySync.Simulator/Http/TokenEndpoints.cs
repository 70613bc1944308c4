using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace HostawaySync.Simulator.Http;

/// <summary><c>POST /v1/accessTokens</c> (client credentials) and <c>DELETE /v1/accessTokens?token=</c>.</summary>
internal static class TokenEndpoints
{
    /// <summary>
    /// Issues a token. Strict: the body must be form-encoded with grant_type=client_credentials, the account id
    /// as client_id, the secret, and scope=general; anything else is HTTP 401 with the OAuth-style body.
    /// </summary>
    public static async Task<ApiResponse> IssueAsync(SimulatorCore core, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError("invalid_request", "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form["grant_type"] != "client_credentials")
        {
            return OAuthError("unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
        }

        var accountId = core.Context.AccountId.ToString(CultureInfo.InvariantCulture);
        if (form["client_id"] != accountId || form["client_secret"] != core.ClientSecret)
        {
            return OAuthError("invalid_client", "Client authentication failed");
        }

        if (form["scope"] != "general")
        {
            return OAuthError("invalid_scope", "The requested scope is invalid, unknown, or malformed");
        }

        var token = core.Tokens.Issue(core.Context.AccountId);
        core.Stats.TokenIssued();
        return ApiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", TokenStore.ExpiresInSeconds);
            w.WriteString("access_token", token);
            w.WriteEndObject();
        });
    }

    /// <summary>Revokes the token named in the query string; idempotent.</summary>
    public static ApiResponse Revoke(SimulatorCore core, HttpRequest request)
    {
        var token = new QueryReader(request.Query).String("token");
        if (token is null)
        {
            return ApiResponse.FailResult(400, "Parameter token is required");
        }

        _ = core.Tokens.Revoke(token);
        return ApiResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "success");
            w.WriteStartArray("result");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static ApiResponse OAuthError(string error, string description) => ApiResponse.Json(401, w =>
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        w.WriteString("error_description", description);
        w.WriteString("message", description);
        w.WriteEndObject();
    });
}
