namespace HostawaySync.Engine.Api;

/// <summary>What went wrong with one attempt; drives the retry decisions inside the client.</summary>
internal enum ApiFailureKind
{
    /// <summary>5xx, timeout, transport error, truncated or malformed body: retry with backoff.</summary>
    Transient,

    /// <summary>429: wait for the server's retry time, then retry.</summary>
    RateLimited,

    /// <summary>401/403: refresh the token once, then give up.</summary>
    AuthRejected,

    /// <summary>404: the object does not exist.</summary>
    NotFound,
}
