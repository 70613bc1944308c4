using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using HostawaySync.Engine.Diagnostics;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HostawaySync.Engine.Api;

/// <summary>
/// Sends one logical request and returns its parsed JSON, or throws. Around every attempt: the shared
/// request budget (proactive rate limit, bounded concurrency, 429 pause), a per-attempt timeout, and two
/// Polly retry strategies: one for 429s (waits for the server's retry time) and one with exponential backoff
/// and jitter for 5xx, timeouts, transport errors and truncated or malformed bodies.
/// </summary>
internal sealed class ApiTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly HostawayClientOptions _options;
    private readonly RequestBudget _budget;
    private readonly ApiCounters _counters;
    private readonly ISyncLog _log;
    private readonly ResiliencePipeline _retries;
    private readonly ResiliencePipeline _timeout;

    public ApiTransport(HostawayClientOptions options, ApiCounters counters, ISyncLog log)
    {
        _options = options;
        _counters = counters;
        _log = log;
        var handler = options.Handler ?? new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxConcurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = options.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("HostawaySync/" + (typeof(ApiTransport).Assembly.GetName().Version?.ToString(3) ?? "0"));
        _http.DefaultRequestHeaders.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        _budget = new RequestBudget(options, counters);
        _retries = BuildRetries();
        _timeout = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>The budget: its limit in force (lowered when the server reports a smaller one), its source and what it found.</summary>
    public RequestBudget Budget => _budget;

    /// <summary>Sends the request made by <paramref name="createRequest"/> (called once per attempt) and parses the JSON answer.</summary>
    public async Task<JsonDocument> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        try
        {
            return await _retries.ExecuteAsync(
                static async (state, token) => await state.Self.AttemptAsync(state.CreateRequest, token).ConfigureAwait(false),
                (Self: this, CreateRequest: createRequest),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new ApiAttemptException(ApiFailureKind.Transient, $"the request timed out after {_options.RequestTimeout.TotalSeconds:0.#} s on every attempt", innerException: exception);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _budget.Dispose();
    }

    private async Task<JsonDocument> AttemptAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        // The budget wait is outside the per-attempt timeout: waiting our turn is not the server being slow.
        using var lease = await _budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _timeout.ExecuteAsync(
                static async (state, token) => await state.Self.SendOnceAsync(state.CreateRequest, state.Lease, token).ConfigureAwait(false),
                (Self: this, CreateRequest: createRequest, Lease: lease),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            // A timeout is a transient failure like a 5xx: counted here, since it never reaches SendOnceAsync's handlers.
            _counters.TransientFailure();
            throw;
        }
    }

    private async Task<JsonDocument> SendOnceAsync(Func<HttpRequestMessage> createRequest, RequestBudget.Lease lease, CancellationToken cancellationToken)
    {
        using var request = createRequest();
        var what = Describe(request);
        var started = Stopwatch.GetTimestamp();
        lease.MarkSent();
        _counters.Request();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            _counters.Bytes(body.Length);
            if (response.Headers.Date is { } serverDate)
            {
                _counters.ServerDate(serverDate);
            }
            var status = (int)response.StatusCode;
            if (_log.IsEnabled(SyncLogLevel.Trace))
            {
                _log.Write(SyncLogLevel.Trace, string.Create(CultureInfo.InvariantCulture, $"{what} -> {status} ({body.Length:N0} bytes, {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)"));
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw RateLimited(response);
            }

            if (status < 500)
            {
                // The API answered it: it counted in the server's window.
                lease.MarkPassed();
            }

            if (status is 401 or 403)
            {
                throw new ApiAttemptException(ApiFailureKind.AuthRejected, $"{what} was refused with HTTP {status}: {ApiErrorText.From(body)}", status);
            }

            if (status == 404)
            {
                throw new ApiAttemptException(ApiFailureKind.NotFound, $"{what}: not found ({ApiErrorText.From(body)})", status);
            }

            if (status == 408 || status >= 500)
            {
                throw Transient($"{what} failed with HTTP {status}: {ApiErrorText.From(body)}", status);
            }

            if (status >= 400)
            {
                throw ApiErrors.Rejected(what, status, ApiErrorText.From(body));
            }

            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException exception)
            {
                // An HTML page with 200 comes from something between us and the API (a proxy, a maintenance page) and
                // usually passes like a 5xx, so it is retried like a truncated body, with a message that says what came.
                throw Transient(
                    ApiErrorText.IsHtml(body)
                        ? $"{what} answered HTTP {status} with an HTML page instead of JSON (\"{ApiErrorText.HtmlTitle(body)}\"); a proxy or maintenance page, most likely"
                        : $"{what} returned a truncated or malformed JSON body ({body.Length:N0} bytes)",
                    status,
                    exception);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw Transient($"{what} failed in transit: {exception.Message}", null, exception);
        }
    }

    private ApiAttemptException RateLimited(HttpResponseMessage response)
    {
        _counters.RateLimit();
        var now = _options.TimeProvider.GetUtcNow();
        var wait = (RateLimitHeaders.RetryAt(response.Headers, now) ?? now + _options.RateLimitDefaultWait) - now;
        wait = wait < _options.RateLimitWaitFloor ? _options.RateLimitWaitFloor : wait > _options.RateLimitWaitCap ? _options.RateLimitWaitCap : wait;
        var retryAt = now + wait;
        _budget.CloseGateUntil(retryAt);
        var serverLimit = RateLimitHeaders.Limit(response.Headers);
        var probing = _budget.Source == BudgetSource.Probing;
        if (_budget.RateLimited(serverLimit, RateLimitHeaders.Applied(response.Headers)) is { } budget && !probing)
        {
            // While probing, a 429 is how the limit is found: the run reports the finding.
            _log.Write(SyncLogLevel.Warning, string.Create(
                CultureInfo.InvariantCulture,
                $"The API enforces {serverLimit?.ToString(CultureInfo.InvariantCulture) ?? "a lower limit"} requests per window, fewer than the budget; using {budget} per 10 s from now on."));
        }

        _log.Write(SyncLogLevel.Information, string.Create(CultureInfo.InvariantCulture, $"Rate limited by the API (HTTP 429, counter: {RateLimitHeaders.Applied(response.Headers) ?? "unknown"}); pausing all requests for {wait.TotalSeconds:0.0} s."));
        return new ApiAttemptException(ApiFailureKind.RateLimited, "the API answered 429 Too Many Requests", 429, retryAt);
    }

    private ApiAttemptException Transient(string message, int? status, Exception? inner = null)
    {
        _counters.TransientFailure();
        return new ApiAttemptException(ApiFailureKind.Transient, message, status, innerException: inner);
    }

    private ResiliencePipeline BuildRetries()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _options.TimeProvider };
        if (_options.MaxRateLimitRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ApiAttemptException>(e => e.Kind == ApiFailureKind.RateLimited),
                MaxRetryAttempts = _options.MaxRateLimitRetries,
                // The budget's gate already holds every request until the server's retry time.
                DelayGenerator = _ => ValueTask.FromResult<TimeSpan?>(TimeSpan.Zero),
                OnRetry = args => OnRetry(args.AttemptNumber, args.Outcome.Exception, _budget.GateRemaining()),
            });
        }

        if (_options.MaxTransientRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ApiAttemptException>(e => e.Kind == ApiFailureKind.Transient).Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = _options.MaxTransientRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.MaxRetryDelay,
                OnRetry = args => OnRetry(args.AttemptNumber, args.Outcome.Exception, args.RetryDelay),
            });
        }

        return builder.Build();
    }

    private ValueTask OnRetry(int attemptNumber, Exception? exception, TimeSpan delay)
    {
        _counters.Retry();
        if (_log.IsEnabled(SyncLogLevel.Debug))
        {
            var reason = exception is TimeoutRejectedException ? $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s" : exception?.Message ?? "unknown failure";
            _log.Write(SyncLogLevel.Debug, string.Create(CultureInfo.InvariantCulture, $"Retry {attemptNumber + 1} in {delay.TotalSeconds:0.0} s: {reason}."));
        }

        return default;
    }

    /// <summary>The request as messages name it: method and URL, with a <c>token</c> parameter's value left out.</summary>
    private static string Describe(HttpRequestMessage request) => $"{request.Method} {ApiErrorText.Redact(request.RequestUri?.OriginalString ?? string.Empty)}";
}
