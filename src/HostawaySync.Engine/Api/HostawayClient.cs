using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using HostawaySync.Engine.Api.Json;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Diagnostics;

namespace HostawaySync.Engine.Api;

/// <summary>
/// The Hostaway REST client: one token per run, a proactive rate budget, bounded concurrency, retries,
/// and streaming paging that works with every envelope variant. Thread-safe: a sync calls it from several
/// tasks at once. Dispose it at the end of the run.
/// </summary>
public sealed class HostawayClient : IDisposable
{
    private readonly HostawayClientOptions _options;
    private readonly ApiCounters _counters = new();
    private readonly ApiTransport _transport;
    private readonly AccessTokenProvider _tokens;
    private readonly ISyncLog _log;

    /// <summary>Creates a client; validates the options (throws <see cref="Errors.HostawayException"/>).</summary>
    public HostawayClient(HostawayClientOptions options, ISyncLog? log = null)
    {
        options.Validate();
        _options = options;
        _log = log ?? NullSyncLog.Instance;
        _transport = new ApiTransport(options, _counters, _log);
        _tokens = new AccessTokenProvider(_transport, options, _counters, _log);
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
    public int RequestBudget => _transport.BudgetLimit;

    /// <summary>All listings with their images (<c>includeResources=1</c>), pages fetched ahead concurrently.</summary>
    public IAsyncEnumerable<HostawayListing> GetListingsAsync(CancellationToken cancellationToken = default) =>
        PageByOffsetAsync(ListingsUrl, HostawayListing.FromJson, l => l.Id, cancellationToken);

    /// <summary>Listing pages (one pass).</summary>
    internal IAsyncEnumerable<ApiPage<HostawayListing>> GetListingPagesAsync(CancellationToken cancellationToken) =>
        GetOffsetPagesAsync(ListingsUrl, HostawayListing.FromJson, cancellationToken);

    /// <summary>Conversation pages (one pass over all conversations).</summary>
    internal IAsyncEnumerable<ApiPage<HostawayConversation>> GetConversationPagesAsync(CancellationToken cancellationToken) =>
        GetOffsetPagesAsync(offset => FormattableString.Invariant($"conversations?limit={_options.PageSize}&offset={offset}"), HostawayConversation.FromJson, cancellationToken);

    private string ListingsUrl(int offset) => FormattableString.Invariant($"listings?limit={_options.PageSize}&offset={offset}&includeResources=1");

    /// <summary>One listing, or null when it does not exist (any more).</summary>
    public Task<HostawayListing?> GetListingAsync(long listingId, CancellationToken cancellationToken = default) =>
        GetSingleAsync(FormattableString.Invariant($"listings/{listingId}?includeResources=1"), HostawayListing.FromJson, cancellationToken);

    /// <summary>
    /// Reservations in the order the query asks for (by default updatedOn descending), paged with the
    /// <c>afterId</c> cursor. Stop enumerating at any time; nothing further is requested.
    /// </summary>
    public async IAsyncEnumerable<HostawayReservation> GetReservationsAsync(ReservationQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<long>();
        await foreach (var page in GetReservationPagesAsync(query, null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var reservation in page.Items)
            {
                if (seen.Add(reservation.Id))
                {
                    yield return reservation;
                }
            }
        }
    }

    /// <summary>
    /// Reservation pages from the <c>afterId</c> cursor <paramref name="startAfterId"/> on (null: from the start).
    /// Ends on an empty or short page, a cursor that does not advance, or once the reported count has been seen.
    /// </summary>
    internal async IAsyncEnumerable<ApiPage<HostawayReservation>> GetReservationPagesAsync(ReservationQuery? query, long? startAfterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        query ??= new ReservationQuery();
        var limit = _options.PageSize;
        var seen = new HashSet<long>();
        var afterId = startAfterId;
        var pages = 0;
        var maxPages = int.MaxValue;
        while (true)
        {
            var page = await GetPageAsync(query.ToRelativeUrl(limit, afterId), HostawayReservation.FromJson, cancellationToken).ConfigureAwait(false);
            pages++;
            if (page.Count is { } count)
            {
                // A cursor that never ends (rows moving between pages forever) must not loop: allow twice the data plus slack.
                maxPages = (int)Math.Min(int.MaxValue, (2L * count / limit) + 10);
            }

            seen.UnionWith(page.Items.Select(r => r.Id));
            if (page.Items.Count > 0)
            {
                yield return page;
            }

            var last = page.Items.Count > 0 ? page.Items[^1].Id : (long?)null;
            if (last is null || page.Items.Count < limit || last == afterId || (startAfterId is null && page.Count is { } total && seen.Count >= total))
            {
                yield break;
            }

            if (pages >= maxPages)
            {
                throw ApiErrors.BadData("GET reservations", new JsonException(string.Create(CultureInfo.InvariantCulture, $"the afterId cursor did not reach the end after {pages} pages")));
            }

            afterId = last;
        }
    }

    /// <summary>One reservation, or null when it does not exist (any more).</summary>
    public Task<HostawayReservation?> GetReservationAsync(long reservationId, CancellationToken cancellationToken = default) =>
        GetSingleAsync(FormattableString.Invariant($"reservations/{reservationId}?includeResources=1"), HostawayReservation.FromJson, cancellationToken);

    /// <summary>The conversations of one reservation (<c>GET /v1/reservations/{id}/conversations</c>).</summary>
    public async Task<IReadOnlyList<HostawayConversation>> GetReservationConversationsAsync(long reservationId, CancellationToken cancellationToken = default)
    {
        var page = await GetPageAsync(FormattableString.Invariant($"reservations/{reservationId}/conversations"), HostawayConversation.FromJson, cancellationToken, allowNotFound: true).ConfigureAwait(false);
        return page.Items;
    }

    /// <summary>All conversations (the endpoint has no date filter), or those of one reservation.</summary>
    public IAsyncEnumerable<HostawayConversation> GetConversationsAsync(long? reservationId = null, CancellationToken cancellationToken = default) =>
        PageByOffsetAsync(
            offset => reservationId is { } id
                ? FormattableString.Invariant($"conversations?limit={_options.PageSize}&offset={offset}&reservationId={id}")
                : FormattableString.Invariant($"conversations?limit={_options.PageSize}&offset={offset}"),
            HostawayConversation.FromJson, c => c.Id, cancellationToken);

    /// <summary>One conversation, or null when it does not exist.</summary>
    public Task<HostawayConversation?> GetConversationAsync(long conversationId, CancellationToken cancellationToken = default) =>
        GetSingleAsync(FormattableString.Invariant($"conversations/{conversationId}"), HostawayConversation.FromJson, cancellationToken);

    /// <summary>
    /// The messages of a conversation. The API returns only sent messages unless asked; a sync wants
    /// scheduled, failed and cancelled ones too, so <paramref name="includeScheduled"/> defaults to true.
    /// </summary>
    public IAsyncEnumerable<HostawayMessage> GetMessagesAsync(long conversationId, bool includeScheduled = true, CancellationToken cancellationToken = default) =>
        PageByOffsetAsync(
            offset => FormattableString.Invariant($"conversations/{conversationId}/messages?limit={_options.PageSize}&offset={offset}") + (includeScheduled ? "&includeScheduledMessages=1" : string.Empty),
            json => HostawayMessage.FromJson(json, conversationId), m => m.Id, cancellationToken);

    /// <summary>The API's own count of a list endpoint (one request with <c>limit=1</c>), or null when the envelope has none.</summary>
    public async Task<int?> GetCountAsync(ApiResource resource, CancellationToken cancellationToken = default)
    {
        var url = resource switch
        {
            ApiResource.Listings => "listings?limit=1&offset=0",
            ApiResource.Reservations => "reservations?limit=1",
            ApiResource.Conversations => "conversations?limit=1&offset=0",
            _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Unknown resource."),
        };
        var page = await GetPageAsync(url, static _ => 0, cancellationToken).ConfigureAwait(false);
        return page.Count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _tokens.Dispose();
        _transport.Dispose();
    }

    /// <summary>
    /// Offset paging. After the first page the total is known, so the following pages are fetched ahead, up to
    /// the concurrency limit, and yielded in order. Ends on an empty page, a short page, or when the reported
    /// count is reached; never relies on page/totalPages. Items are yielded once even if rows shift between pages,
    /// and if rows moved and the distinct items fall short of the count (a shift hid some), one more pass picks them up.
    /// </summary>
    private async IAsyncEnumerable<T> PageByOffsetAsync<T>(Func<int, string> urlForOffset, Func<JsonElement, T> map, Func<T, long> idOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        int? lastCount = null;
        for (var pass = 0; pass < 2; pass++)
        {
            var shifted = false;
            await foreach (var page in GetOffsetPagesAsync(urlForOffset, map, cancellationToken).ConfigureAwait(false))
            {
                lastCount = page.Count ?? lastCount;
                foreach (var item in page.Items)
                {
                    if (seen.Add(idOf(item)))
                    {
                        yield return item;
                    }
                    else
                    {
                        shifted = true;
                    }
                }
            }

            // Only a pass that saw rows move can have missed some; an API whose count is merely generous costs nothing extra.
            if (!shifted || lastCount is not { } total || seen.Count >= total)
            {
                yield break;
            }

            _log.Write(SyncLogLevel.Debug, string.Create(CultureInfo.InvariantCulture, $"Paging {urlForOffset(0)} gave {seen.Count} distinct items but the API counts {total}; paging once more."));
        }
    }

    /// <summary>One pass over an offset-paged endpoint, page by page (pages after the first are fetched ahead once the count is known).</summary>
    internal async IAsyncEnumerable<ApiPage<T>> GetOffsetPagesAsync<T>(Func<int, string> urlForOffset, Func<JsonElement, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = _options.PageSize;
        using var ahead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<(int Offset, Task<ApiPage<T>> Page)>();
        try
        {
            var offset = 0;
            var nextOffset = 0;
            int? count = null;
            while (true)
            {
                // Fetch ahead only pages the count says exist; past it, probe one page at a time.
                while (count is { } known && pending.Count < _options.MaxConcurrency && nextOffset < known)
                {
                    pending.Enqueue((nextOffset, GetPageAsync(urlForOffset(nextOffset), map, ahead.Token)));
                    nextOffset += limit;
                }

                ApiPage<T> page;
                if (pending.Count > 0)
                {
                    var next = pending.Dequeue();
                    offset = next.Offset;
                    page = await next.Page.ConfigureAwait(false);
                }
                else
                {
                    offset = nextOffset;
                    page = await GetPageAsync(urlForOffset(offset), map, cancellationToken).ConfigureAwait(false);
                    nextOffset = offset + limit;
                }

                count = page.Count ?? count;
                if (page.Items.Count > 0)
                {
                    yield return page with { Count = count };
                }

                if (page.Items.Count < limit || (count is { } total && offset + page.Items.Count >= total && pending.Count == 0))
                {
                    yield break;
                }
            }
        }
        finally
        {
            await ahead.CancelAsync().ConfigureAwait(false);
            foreach (var (_, task) in pending)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is OperationCanceledException or Errors.HostawayException)
                {
                    // Pages fetched ahead that nobody will read.
                }
            }
        }
    }

    private async Task<T?> GetSingleAsync<T>(string relativeUrl, Func<JsonElement, T> map, CancellationToken cancellationToken)
        where T : class
    {
        using var document = await GetJsonAsync(relativeUrl, allowNotFound: true, cancellationToken).ConfigureAwait(false);
        if (document is null || document.RootElement.Property("result") is not { ValueKind: JsonValueKind.Object } result)
        {
            return null;
        }

        return Map(relativeUrl, () => map(result));
    }

    private async Task<ApiPage<T>> GetPageAsync<T>(string relativeUrl, Func<JsonElement, T> map, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        using var document = await GetJsonAsync(relativeUrl, allowNotFound, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return new ApiPage<T>([], 0, null, null);
        }

        var root = document.RootElement;
        if (root.Property("result") is not { ValueKind: JsonValueKind.Array } result)
        {
            throw ApiErrors.BadData("GET " + relativeUrl, new JsonException("The answer has no result array."));
        }

        var items = Map(relativeUrl, () => result.EnumerateArray().Select(map).ToList());
        return new ApiPage<T>(items, root.Int32("count"), root.Int32("limit"), root.Int32("offset"));
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
