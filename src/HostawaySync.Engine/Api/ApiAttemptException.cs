namespace HostawaySync.Engine.Api;

/// <summary>One failed attempt. Internal: the client turns what survives its retries into a <see cref="Errors.HostawayException"/>.</summary>
internal sealed class ApiAttemptException : Exception
{
    public ApiAttemptException(ApiFailureKind kind, string message, int? statusCode = null, DateTimeOffset? retryAt = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAt = retryAt;
    }

    public ApiFailureKind Kind { get; }

    public int? StatusCode { get; }

    /// <summary>For 429: when the server said a slot frees.</summary>
    public DateTimeOffset? RetryAt { get; }
}
