using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Api;

/// <summary>Maps the last failed attempt of a request to the error the run reports.</summary>
internal static class ApiFailures
{
    public static HostawayException Final(string what, ApiAttemptException last, HostawayClientOptions options) => last.Kind switch
    {
        ApiFailureKind.RateLimited => ApiErrors.RateLimited(what, options.MaxRateLimitRetries),
        ApiFailureKind.AuthRejected => ApiErrors.AuthFailed(options.Credential.UserName, last.Message),
        ApiFailureKind.NotFound => ApiErrors.Rejected(what, 404, last.Message),
        _ => ApiErrors.Unavailable(what, last, options.MaxTransientRetries),
    };
}
