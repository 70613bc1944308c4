using System.Globalization;
using System.Net;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Api;

/// <summary>Everything the API client needs. Build it once per run; it is immutable (derive variants with <c>with</c>).</summary>
public sealed record HostawayClientOptions
{
    /// <summary>Environment variable that overrides the API base URL.</summary>
    public const string BaseUrlVariable = "HOSTAWAY_BASE_URL";

    /// <summary>Environment variable that sets the request budget per 10 seconds.</summary>
    public const string RequestsPer10SecondsVariable = "HOSTAWAY_REQUESTS_PER_10S";

    /// <summary>The value of RequestsPer10Seconds (setting, variable) that leaves the budget to the client: "auto".</summary>
    public const string AutoBudget = "auto";

    /// <summary>The real API.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.hostaway.com/v1/");

    /// <summary>User name = Hostaway account id, password = API secret. Never logged, never returned.</summary>
    public required NetworkCredential Credential { get; init; }

    /// <summary>
    /// Where the access token is kept between runs (see <see cref="IAccessTokenStore"/>); null: none is kept, and the client
    /// revokes the token it minted when it is disposed.
    /// </summary>
    public IAccessTokenStore? TokenStore { get; init; }

    /// <summary>API root, for example <c>https://api.hostaway.com/v1/</c>.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>
    /// Requests allowed in any 10-second window (the proactive limiter's budget), obeyed exactly; null (the default) is
    /// "auto": the client finds the account's limit and spends about 90% of it (see <see cref="RatePolicy"/>).
    /// </summary>
    public int? RequestsPer10Seconds { get; init; }

    /// <summary>Auto budget: the limit an earlier run found (from the sync state), or null.</summary>
    public RateLimitFinding? KnownRateLimit { get; init; }

    /// <summary>
    /// Requests an earlier client (the last run) sent that may still count in the server's window, by when they leave it:
    /// this client counts them as spent until then, whatever its budget.
    /// </summary>
    public IReadOnlyList<SlotRelease> RecentRequests { get; init; } = [];

    /// <summary>
    /// Auto budget: whether this client finds the limit (the caller decides, <see cref="RatePolicy.ShouldProbe"/>); otherwise
    /// it starts at <see cref="KnownRateLimit"/>, or at the lowest published limit when nothing is known.
    /// </summary>
    public bool ProbeRateLimit { get; init; }

    /// <summary>Requests in flight at once, so the budget is used even when the API is slow.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Timeout of one attempt (connect, send, and read the whole body).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one request after 5xx, timeouts, transport errors and truncated bodies.</summary>
    public int MaxTransientRetries { get; init; } = 6;

    /// <summary>First backoff delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff delay between transient retries.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many 429 answers one request may receive before the run gives up.</summary>
    public int MaxRateLimitRetries { get; init; } = 10;

    /// <summary>Shortest wait after a 429, even when the server says "retry now".</summary>
    public TimeSpan RateLimitWaitFloor { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait after a 429, whatever the server says.</summary>
    public TimeSpan RateLimitWaitCap { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait after a 429 that carries no retry header (the docs advise at least 10 s).</summary>
    public TimeSpan RateLimitDefaultWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>New tokens work only about a second after issue; wait this long before first use.</summary>
    public TimeSpan TokenWarmup { get; init; } = TimeSpan.FromMilliseconds(1100);

    /// <summary>Items per page (the documented default and what every known client uses).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Length of the rate window the budget applies to.</summary>
    public TimeSpan BudgetWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Added to each request's hold on the budget to absorb clock granularity between client and server.</summary>
    public TimeSpan BudgetMargin { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Clock used for waits (tests substitute a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Optional HTTP handler (tests); the client owns and disposes it.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>The base URL from <c>HOSTAWAY_BASE_URL</c>, or null.</summary>
    public static Uri? BaseUrlFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(BaseUrlVariable);
        return string.IsNullOrWhiteSpace(value) ? null : ParseBaseUrl(value);
    }

    /// <summary>The budget from <c>HOSTAWAY_REQUESTS_PER_10S</c>: null when unset or "auto".</summary>
    public static int? RequestsPer10SecondsFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(RequestsPer10SecondsVariable);
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), AutoBudget, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var budget) && budget > 0
            ? budget
            : throw Invalid($"{RequestsPer10SecondsVariable} is '{value}', neither 'auto' nor a positive whole number.", $"Set {RequestsPer10SecondsVariable} to auto, or to the number of requests your Hostaway account may make per 10 seconds, for example 15.");
    }

    /// <summary>Parses a base URL and gives it the trailing slash relative paths need.</summary>
    public static Uri ParseBaseUrl(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid($"The base URL '{value}' is not an absolute http(s) URL.", "Use the API root, for example https://api.hostaway.com/v1/.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>Checks every value; throws <see cref="HostawayException"/> (HostawayConfigurationInvalid or HostawayCredentialsMissing).</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Credential.UserName) || string.IsNullOrEmpty(Credential.Password))
        {
            throw new HostawayException(
                ErrorIds.CredentialsMissing, ErrorKind.Authentication,
                "No Hostaway credentials were given.",
                "Pass -Credential (user name = account id, password = API secret), set HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY, or store the credential once with Set-HostawayCredential.");
        }

        Require(RequestsPer10Seconds is null or > 0, "The request budget must be at least 1 request per 10 seconds.");
        Require(MaxConcurrency > 0, "The concurrency must be at least 1.");
        Require(PageSize is > 0 and <= 1000, "The page size must be between 1 and 1000.");
        Require(RequestTimeout > TimeSpan.Zero, "The request timeout must be positive.");
        Require(MaxTransientRetries >= 0 && MaxRateLimitRetries >= 0, "Retry counts cannot be negative.");
        Require(BudgetWindow > TimeSpan.Zero, "The budget window must be positive.");
        Require(RateLimitWaitCap >= RateLimitWaitFloor, "The 429 wait cap must not be below its floor.");
        _ = ParseBaseUrl(BaseUrl.OriginalString);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw Invalid(message, "Correct the setting and run again.");
        }
    }

    private static HostawayException Invalid(string message, string action) =>
        new(ErrorIds.ConfigurationInvalid, ErrorKind.InvalidArgument, message, action);
}
