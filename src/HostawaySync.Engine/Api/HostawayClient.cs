using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using HostawaySync.Engine.Api.Json;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Diagnostics;

namespace HostawaySync.Engine.Api;

/// <summary>
/// The Hostaway REST client: one token per run (the kept one when there is a token store), a proactive rate budget,
/// bounded concurrency, retries, and streaming paging that works with every envelope variant. Thread-safe: a sync calls
/// it from several tasks at once. Dispose it at the end of the run (preferably with <see cref="DisposeAsync"/>): without a
/// token store, that revokes the token the run minted.
/// </summary>
public sealed class HostawayClient : IDisposable, IAsyncDisposable
{
    private readonly HostawayClientOptions _options;
    private readonly ApiCounters _counters = new();
    private readonly ApiTransport _transport;
    private readonly AccessTokenProvider _tokens;
    private readonly ISyncLog _log;
    private readonly ListPager _pager;
    private int _disposed;

    /// <summary>Creates a client; validates the options (throws <see cref="Errors.HostawayException"/>).</summary>
    public HostawayClient(HostawayClientOptions options, ISyncLog? log = null)
    {
        options.Validate();
        _options = options;
        _log = log ?? NullSyncLog.Instance;
        _transport = new ApiTransport(options, _counters, _log);
        _tokens = new AccessTokenProvider(_transport, options, _counters, _log);
        _pager = new ListPager(new PageSizes(), options.PageSize, options.MaxConcurrency, _log);
    }

    /// <summary>Requests, retries, 429s, bytes and budget waits so far.</summary>
    public ApiRunStatistics Statistics => _counters.Snapshot();

    /// <summary>
    /// The API's clock as of the newest response (its Date header, one-second resolution), or null before the first
    /// response. The API stamps its data with the same clock, so this tells which timestamps may still gain company.
    /// </summary>
    public DateTimeOffset? ServerTime => _counters.ServerTime;

    /// <summary>Items requested per page.</summary>
    public int PageSize => _options.PageSize;

    /// <summary>The request budget per window in force (lowered if the server reported a smaller limit).</summary>
    public int RequestBudget => _transport.Budget.Limit;

    /// <summary>Where the budget in force comes from: the setting, or the auto budget's state.</summary>
    public BudgetSource BudgetSource => _transport.Budget.Source;

    /// <summary>
    /// Auto budget: what is known of the account's limit (found by this run or given in the options), and a version that
    /// changes with every new finding (so the caller stores each once); null with a set budget.
    /// </summary>
    public (RateLimitFinding? Finding, int Version) RateLimitFinding => _transport.Budget.Finding;

    /// <summary>
    /// The rate-limit state to store for the next run: the finding, and the requests that may still count in the server's
    /// window (plus <paramref name="requestsToCome"/>, such as the token revocation at disposal).
    /// </summary>
    public RateLimitState RateLimitState(int requestsToCome = 0) =>
        new(_transport.Budget.Finding.Finding, _transport.Budget.Recent(requestsToCome));

    /// <summary>
    /// All listings with their images (<c>includeResources=1</c>), as one stream of items (the syncers store pages; this and
    /// the other item streams serve the tests and benchmarks). With a <paramref name="tally"/>, what the pass saw is
    /// recorded there; without one, a pass that cannot show it saw every listing throws (<c>HostawaySyncIncomplete</c>)
    /// once the listings it did see have been enumerated.
    /// </summary>
    internal IAsyncEnumerable<HostawayListing> GetListingsAsync(PassTally? tally = null, CancellationToken cancellationToken = default)
    {
        var used = tally ?? new PassTally();
        return ItemsAsync(GetListingPagesAsync(used, cancellationToken), used, strict: tally is null, "listings", cancellationToken);
    }

    /// <summary>Listing pages, each row once (see <see cref="ListPager"/>).</summary>
    internal IAsyncEnumerable<ApiPage<HostawayListing>> GetListingPagesAsync(PassTally tally, CancellationToken cancellationToken) =>
        _pager.ByOffsetAsync(
            "listings", offset => FormattableString.Invariant($"listings?limit={_options.PageSize}&offset={offset}&includeResources=1"),
            (url, token) => GetPageAsync(url, HostawayListing.FromJson, token), l => l.Id, tally, cancellationToken);

    /// <summary>Conversation pages (every conversation, or those of one reservation), each row once.</summary>
    internal IAsyncEnumerable<ApiPage<HostawayConversation>> GetConversationPagesAsync(long? reservationId, PassTally tally, CancellationToken cancellationToken) =>
        _pager.ByOffsetAsync(
            "conversations",
            offset => reservationId is { } id
                ? FormattableString.Invariant($"conversations?limit={_options.PageSize}&offset={offset}&reservationId={id}")
                : FormattableString.Invariant($"conversations?limit={_options.PageSize}&offset={offset}"),
            (url, token) => GetPageAsync(url, HostawayConversation.FromJson, token), c => c.Id, tally, cancellationToken);

    /// <summary>
    /// Review pages in id order (every review, or those departing on or after <paramref name="departureStart"/>: the
    /// reviews that can still change), each row once. The review object has no update time, so this is the only way to see changes.
    /// </summary>
    internal IAsyncEnumerable<ApiPage<HostawayReview>> GetReviewPagesAsync(DateOnly? departureStart, PassTally tally, CancellationToken cancellationToken) =>
        _pager.ByOffsetAsync(
            "reviews",
            offset => FormattableString.Invariant($"reviews?limit={_options.PageSize}&offset={offset}&sortBy=id&sortOrder=asc")
                + (departureStart is { } start ? FormattableString.Invariant($"&departureDateStart={start:yyyy-MM-dd}") : string.Empty),
            (url, token) => GetPageAsync(url, HostawayReview.FromJson, token), r => r.Id, tally, cancellationToken);

    /// <summary>Every review (or those departing on or after <paramref name="departureStart"/>) as one stream; without a <paramref name="tally"/>, an incomplete pass throws at its end.</summary>
    internal IAsyncEnumerable<HostawayReview> GetReviewsAsync(DateOnly? departureStart = null, PassTally? tally = null, CancellationToken cancellationToken = default)
    {
        var used = tally ?? new PassTally();
        return ItemsAsync(GetReviewPagesAsync(departureStart, used, cancellationToken), used, strict: tally is null, "reviews", cancellationToken);
    }

    /// <summary>One review, or null when it does not exist (any more).</summary>
    public Task<HostawayReview?> GetReviewAsync(long reviewId, CancellationToken cancellationToken = default) =>
        GetSingleAsync(FormattableString.Invariant($"reviews/{reviewId}"), HostawayReview.FromJson, cancellationToken);

    /// <summary>One listing, or null when it does not exist (any more).</summary>
    public Task<HostawayListing?> GetListingAsync(long listingId, CancellationToken cancellationToken = default) =>
        GetSingleAsync(FormattableString.Invariant($"listings/{listingId}?includeResources=1"), HostawayListing.FromJson, cancellationToken);

    /// <summary>
    /// Reservations in the order the query asks for (by default updatedOn descending), paged with the <c>afterId</c>
    /// cursor; read again from the start when rows moved and some may have been hidden. Stop enumerating at any time;
    /// nothing further is requested. Without a <paramref name="tally"/>, an incomplete pass throws at its end.
    /// </summary>
    internal IAsyncEnumerable<HostawayReservation> GetReservationsAsync(ReservationQuery? query = null, PassTally? tally = null, CancellationToken cancellationToken = default)
    {
        var used = tally ?? new PassTally();
        return ItemsAsync(ReservationPagesAsync(query, null, repass: true, used, cancellationToken), used, strict: tally is null, "reservations", cancellationToken);
    }

    /// <summary>
    /// Reservation pages from the <c>afterId</c> cursor <paramref name="startAfterId"/> on (null: from the start), each row
    /// once, in one pass: the caller decides what to read again (see <see cref="ListPager"/>).
    /// </summary>
    internal IAsyncEnumerable<ApiPage<HostawayReservation>> GetReservationPagesAsync(ReservationQuery? query, long? startAfterId, PassTally tally, CancellationToken cancellationToken) =>
        ReservationPagesAsync(query, startAfterId, repass: false, tally, cancellationToken);

    private IAsyncEnumerable<ApiPage<HostawayReservation>> ReservationPagesAsync(ReservationQuery? query, long? startAfterId, bool repass, PassTally tally, CancellationToken cancellationToken)
    {
        query ??= new ReservationQuery();
        return _pager.ByCursorAsync(
            "reservations", afterId => query.ToRelativeUrl(_options.PageSize, afterId),
            (url, token) => GetPageAsync(url, HostawayReservation.FromJson, token), r => r.Id, startAfterId, repass, tally, cancellationToken);
    }

    /// <summary>One reservation, or null when it does not exist (any more).</summary>
    public Task<HostawayReservation?> GetReservationAsync(long reservationId, CancellationToken cancellationToken = default) =>
        GetSingleAsync(FormattableString.Invariant($"reservations/{reservationId}?includeResources=1"), HostawayReservation.FromJson, cancellationToken);

    /// <summary>The conversations of one reservation (<c>GET /v1/reservations/{id}/conversations</c>).</summary>
    public async Task<IReadOnlyList<HostawayConversation>> GetReservationConversationsAsync(long reservationId, CancellationToken cancellationToken = default)
    {
        var page = await GetPageAsync(FormattableString.Invariant($"reservations/{reservationId}/conversations"), HostawayConversation.FromJson, cancellationToken, allowNotFound: true).ConfigureAwait(false);
        return page.Unreadable.Count == 0 ? page.Items : throw ApiErrors.Unreadable(FormattableString.Invariant($"conversations of reservation {reservationId}"), page.Unreadable);
    }

    /// <summary>All conversations (the endpoint has no date filter), or those of one reservation. Without a <paramref name="tally"/>, an incomplete pass throws at its end.</summary>
    internal IAsyncEnumerable<HostawayConversation> GetConversationsAsync(long? reservationId = null, PassTally? tally = null, CancellationToken cancellationToken = default)
    {
        var used = tally ?? new PassTally();
        return ItemsAsync(GetConversationPagesAsync(reservationId, used, cancellationToken), used, strict: tally is null, "conversations", cancellationToken);
    }

    /// <summary>One conversation, or null when it does not exist.</summary>
    public Task<HostawayConversation?> GetConversationAsync(long conversationId, CancellationToken cancellationToken = default) =>
        GetSingleAsync(FormattableString.Invariant($"conversations/{conversationId}"), HostawayConversation.FromJson, cancellationToken);

    /// <summary>
    /// The messages of a conversation. The API returns only sent messages unless asked; a sync wants
    /// scheduled, failed and cancelled ones too, so <paramref name="includeScheduled"/> defaults to true.
    /// Without a <paramref name="tally"/>, a pass that cannot show it saw every message throws at its end.
    /// </summary>
    public IAsyncEnumerable<HostawayMessage> GetMessagesAsync(long conversationId, bool includeScheduled = true, PassTally? tally = null, CancellationToken cancellationToken = default)
    {
        var used = tally ?? new PassTally();
        var pages = _pager.ByOffsetAsync(
            "messages",
            offset => FormattableString.Invariant($"conversations/{conversationId}/messages?limit={_options.PageSize}&offset={offset}") + (includeScheduled ? "&includeScheduledMessages=1" : string.Empty),
            (url, token) => GetPageAsync(url, json => HostawayMessage.FromJson(json, conversationId), token), m => m.Id, used, cancellationToken);
        return ItemsAsync(pages, used, strict: tally is null, FormattableString.Invariant($"messages of conversation {conversationId}"), cancellationToken);
    }

    /// <summary>The API's own count of a list endpoint (one request with <c>limit=1</c>), or null when the envelope has none.</summary>
    public async Task<int?> GetCountAsync(ApiResource resource, CancellationToken cancellationToken = default)
    {
        var url = resource switch
        {
            ApiResource.Listings => "listings?limit=1&offset=0",
            ApiResource.Reservations => "reservations?limit=1",
            ApiResource.Conversations => "conversations?limit=1&offset=0",
            ApiResource.Reviews => "reviews?limit=1&offset=0",
            _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Unknown resource."),
        };
        var page = await GetPageAsync(url, static _ => 0, cancellationToken).ConfigureAwait(false);
        return page.Count;
    }

    /// <summary>
    /// Revokes <paramref name="token"/> (<c>DELETE /v1/accessTokens?token=</c>), for example the kept token of a credential
    /// that is removed or replaced. Throws <see cref="Errors.HostawayException"/> when the API refuses or cannot be reached
    /// (a token it no longer knows is not an error); no message ever contains the token.
    /// </summary>
    public static async Task RevokeAccessTokenAsync(HostawayClientOptions options, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(token);
        options.Validate();
        using var transport = new ApiTransport(options, new ApiCounters(), NullSyncLog.Instance);
        await AccessTokenProvider.RevokeAsync(transport, options, token, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the client. Without a token store, first revokes the token the run minted, best effort and within a few
    /// seconds (a failure is a debug message). Never throws.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _tokens.RevokeMintedAsync().ConfigureAwait(false);
        Release();
    }

    /// <summary>
    /// Ends the client like <see cref="DisposeAsync"/>, blocking for the revocation at most a few seconds. Never throws.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // On the thread pool, so that no synchronization context of the caller can deadlock the wait; the revocation
        // bounds itself, and the wait has a margin on top.
        _ = Task.Run(_tokens.RevokeMintedAsync).Wait(AccessTokenProvider.RevokeTimeout + TimeSpan.FromSeconds(1));
        Release();
    }

    private void Release()
    {
        _tokens.Dispose();
        _transport.Dispose();
    }

    /// <summary>
    /// The items of a paging pass. With no tally from the caller, nobody else can see whether the pass was complete, so
    /// an incomplete one throws once its items have been enumerated: a caller is never left with part of a list unknowingly.
    /// </summary>
    private static async IAsyncEnumerable<T> ItemsAsync<T>(IAsyncEnumerable<ApiPage<T>> pages, PassTally tally, bool strict, string what, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }

        if (strict && !tally.Complete)
        {
            throw ApiErrors.Incomplete(what, tally);
        }

        if (strict && tally.Unreadable.Count > 0)
        {
            throw ApiErrors.Unreadable(what, tally.Unreadable);
        }
    }

    private async Task<T?> GetSingleAsync<T>(string relativeUrl, Func<JsonElement, T> map, CancellationToken cancellationToken)
        where T : class
    {
        using var document = await GetJsonAsync(relativeUrl, allowNotFound: true, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        // Only a 404 means the object is gone: the sync marks it deleted on that word, so a garbled answer must not say it.
        if (document.RootElement.Property("result") is not { ValueKind: JsonValueKind.Object } result)
        {
            throw ApiErrors.BadData("GET " + relativeUrl, new JsonException("The answer has no result object."));
        }

        return Map(relativeUrl, () => map(result));
    }

    /// <summary>
    /// One page. Each row is read on its own: a row that cannot be read at all is reported (<see cref="UnreadableRow"/>)
    /// and the others are kept, so one odd row never costs the rest of the page.
    /// </summary>
    private async Task<ApiPage<T>> GetPageAsync<T>(string relativeUrl, Func<JsonElement, T> map, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        using var document = await GetJsonAsync(relativeUrl, allowNotFound, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return ApiPage<T>.Empty;
        }

        var root = document.RootElement;
        var result = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var value) ? value : default;
        if (result.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            throw ApiErrors.BadData("GET " + relativeUrl, new JsonException(string.Create(CultureInfo.InvariantCulture, $"The answer has no result array (result is {(result.ValueKind == JsonValueKind.Undefined ? "missing" : result.ValueKind.ToString().ToLowerInvariant())}).")));
        }

        var items = new List<T>();
        var unreadable = new List<UnreadableRow>();
        long? lastId = null;
        var rows = 0;
        if (result.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in result.EnumerateArray())
            {
                rows++;
                var id = row.ValueKind == JsonValueKind.Object ? row.Int64("id") : null;
                lastId = id ?? lastId;
                try
                {
                    items.Add(map(row));
                }
                catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
                {
                    var shown = id?.ToString(CultureInfo.InvariantCulture) ?? string.Create(CultureInfo.InvariantCulture, $"row {rows} of the page");
                    unreadable.Add(new UnreadableRow("GET " + relativeUrl, shown, exception.Message));
                }
            }
        }

        return new ApiPage<T>(items, rows, root.Int32("count"), root.Int32("limit"), root.Int32("offset"), unreadable, lastId);
    }

    /// <summary>GET with the run's token; a refused token is replaced once, then the run stops with HostawayAuthFailed.</summary>
    private async Task<JsonDocument?> GetJsonAsync(string relativeUrl, bool allowNotFound, CancellationToken cancellationToken)
    {
        for (var authAttempt = 0; ; authAttempt++)
        {
            var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            JsonDocument document;
            try
            {
                document = await _transport.SendAsync(
                    () =>
                    {
                        var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        return request;
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ApiAttemptException exception) when (exception.Kind == ApiFailureKind.AuthRejected && authAttempt == 0)
            {
                _counters.Retry();
                _tokens.Invalidate(token);
                continue;
            }
            catch (ApiAttemptException exception) when (exception.Kind == ApiFailureKind.NotFound && allowNotFound)
            {
                return null;
            }
            catch (ApiAttemptException exception) when (exception.Kind == ApiFailureKind.AuthRejected)
            {
                throw ApiErrors.AuthFailed(_options.Credential.UserName, "a freshly minted access token was refused as well (" + exception.Message + ")");
            }
            catch (ApiAttemptException exception)
            {
                throw ApiFailures.Final("GET " + relativeUrl, exception, _options);
            }

            if (string.Equals(document.RootElement.String("status"), "fail", StringComparison.OrdinalIgnoreCase))
            {
                var reason = document.RootElement.String("message") ?? document.RootElement.String("result") ?? "no reason given";
                document.Dispose();
                throw ApiErrors.Rejected("GET " + relativeUrl, 200, reason);
            }

            return document;
        }
    }

    private static TResult Map<TResult>(string relativeUrl, Func<TResult> map)
    {
        try
        {
            return map();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw ApiErrors.BadData("GET " + relativeUrl, exception);
        }
    }
}
