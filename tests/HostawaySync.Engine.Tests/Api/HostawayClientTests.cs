using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Tests.Api;

/// <summary>Client behaviour against scripted answers: retries, 429 waits, tokens, paging, secret hygiene.</summary>
public sealed class HostawayClientTests
{
    private const string Secret = "s3cr3t-api-key-value";
    private readonly FakeApiHandler _handler = new();
    private readonly RecordingLog _log = new();

    private HostawayClient Client(Func<HostawayClientOptions, HostawayClientOptions>? adjust = null)
    {
        var options = _handler.Options(Secret);
        return new HostawayClient(adjust?.Invoke(options) ?? options, _log);
    }

    [Fact]
    public async Task One_token_serves_every_request_and_is_minted_from_the_form_credentials()
    {
        _handler.Script("listings", Page(250));
        using var client = Client();

        var listings = await client.GetListingsAsync().ToListAsync();

        Assert.Equal(250, listings.Count);
        Assert.Equal(1, _handler.TokenRequests);
        var token = _handler.Requests.Single(r => r.PathAndQuery.EndsWith("accessTokens", StringComparison.Ordinal));
        Assert.Equal("POST", token.Method);
        Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=10450", token.Body, StringComparison.Ordinal);
        Assert.Contains("scope=general", token.Body, StringComparison.Ordinal);
        Assert.All(_handler.Requests.Where(r => r.Method == "GET"), r => Assert.Equal("Bearer token-1", r.Authorization));
    }

    [Fact]
    public async Task Offset_pages_use_the_count_and_cost_exactly_the_minimum()
    {
        _handler.Script("listings", Page(250));
        using var client = Client();

        var listings = await client.GetListingsAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), listings.Select(l => l.Id));
        var offsets = _handler.Requests.Where(r => r.PathAndQuery.Contains("/listings", StringComparison.Ordinal)).Select(r => Query(r.PathAndQuery, "offset")).Order().ToList();
        Assert.Equal(["0", "100", "200"], offsets);
        Assert.All(_handler.Requests.Where(r => r.PathAndQuery.Contains("/listings", StringComparison.Ordinal)), r => Assert.Equal("1", Query(r.PathAndQuery, "includeResources")));
    }

    [Fact]
    public async Task Without_a_count_paging_ends_on_a_short_page()
    {
        _handler.Script("listings", Page(230, withCount: false));
        using var client = Client();

        var listings = await client.GetListingsAsync().ToListAsync();

        Assert.Equal(230, listings.Count);
        Assert.Equal(3, _handler.Requests.Count(r => r.PathAndQuery.Contains("/listings", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reservations_page_with_afterId_until_the_api_shows_the_end_not_when_the_count_is_reached()
    {
        var ids = Enumerable.Range(1, 200).Select(i => 1000L - i).ToList();
        _handler.Script("reservations", request =>
        {
            var afterId = Query(request.RequestUri!.PathAndQuery, "afterId");
            var start = afterId is null ? 0 : ids.IndexOf(long.Parse(afterId, CultureInfo.InvariantCulture)) + 1;
            var items = ids.Skip(start).Take(100).Select(id => $$"""{"id":{{id}},"listingMapId":1,"status":"new"}""");
            return FakeApiHandler.Json(HttpStatusCode.OK, $$"""{"status":"success","result":[{{string.Join(',', items)}}],"count":200,"limit":100,"offset":null}""");
        });
        using var client = Client();

        var reservations = await client.GetReservationsAsync().ToListAsync();

        Assert.Equal(ids, reservations.Select(r => r.Id));
        var afterIds = _handler.Requests.Where(r => r.PathAndQuery.Contains("/reservations", StringComparison.Ordinal)).Select(r => Query(r.PathAndQuery, "afterId")).ToList();
        // The count (200) is reached after two pages, but only the empty third page shows the end.
        Assert.Equal([null, "900", "800"], afterIds);
    }

    [Fact]
    public async Task Server_errors_and_truncated_bodies_are_retried()
    {
        _handler.Script("listings", _ => FakeApiHandler.Html(HttpStatusCode.BadGateway), _ => FakeApiHandler.Truncated(), Page(5));
        using var client = Client();

        var listings = await client.GetListingsAsync().ToListAsync();

        Assert.Equal(5, listings.Count);
        Assert.Equal(2, client.Statistics.Retries);
        Assert.Equal(2, client.Statistics.TransientFailures);
    }

    [Fact]
    public async Task A_request_that_times_out_is_retried_and_counted_as_a_transient_failure()
    {
        _handler.Script("listings", _ => FakeApiHandler.Stalled(), Page(5));
        using var client = Client(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var listings = await client.GetListingsAsync().ToListAsync();

        Assert.Equal(5, listings.Count);
        Assert.Equal(1, client.Statistics.Retries);
        Assert.Equal(1, client.Statistics.TransientFailures);
    }

    [Fact]
    public async Task Exhausted_retries_end_in_a_stable_error_without_the_secret()
    {
        _handler.Script("listings", _ => FakeApiHandler.Html(HttpStatusCode.ServiceUnavailable));
        using var client = Client();

        var error = await Assert.ThrowsAsync<HostawayException>(() => client.GetListingsAsync().ToListAsync().AsTask());

        Assert.Equal(ErrorIds.ApiUnavailable, error.ErrorId);
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
        Assert.Equal(4, _handler.Requests.Count(r => r.PathAndQuery.Contains("/listings", StringComparison.Ordinal)));
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_credentials_fail_at_once_with_HostawayAuthFailed()
    {
        _handler.Script("accessTokens", _ => FakeApiHandler.Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"Client authentication failed","message":"Client authentication failed"}"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<HostawayException>(() => client.GetListingsAsync().ToListAsync().AsTask());

        Assert.Equal(ErrorIds.AuthFailed, error.ErrorId);
        Assert.Equal(ErrorKind.Authentication, error.Kind);
        Assert.Contains("Client authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, _handler.TokenRequests);
    }

    [Fact]
    public async Task A_refused_token_is_minted_again_once()
    {
        _handler.Script("accessTokens",
            _ => FakeApiHandler.Json(HttpStatusCode.OK, """{"token_type":"Bearer","expires_in":100,"access_token":"old"}"""),
            _ => FakeApiHandler.Json(HttpStatusCode.OK, """{"token_type":"Bearer","expires_in":100,"access_token":"new"}"""));
        _handler.Script("listings", request => request.Headers.Authorization?.Parameter == "new"
            ? Page(3)(request)
            : FakeApiHandler.Json(HttpStatusCode.Forbidden, """{"status":"fail","message":"The resource owner or authorization server denied the request."}"""));
        using var client = Client();

        var listings = await client.GetListingsAsync().ToListAsync();

        Assert.Equal(3, listings.Count);
        Assert.Equal(2, _handler.TokenRequests);
    }

    [Fact]
    public async Task A_token_refused_twice_stops_the_run_with_HostawayAuthFailed()
    {
        _handler.Script("listings", _ => FakeApiHandler.Json(HttpStatusCode.Forbidden, """{"status":"fail","message":"The resource owner or authorization server denied the request."}"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<HostawayException>(() => client.GetListingsAsync().ToListAsync().AsTask());

        Assert.Equal(ErrorIds.AuthFailed, error.ErrorId);
        Assert.Equal(2, _handler.TokenRequests);
        Assert.DoesNotContain("token-1", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_waits_until_the_epoch_in_X_RateLimit_Retry_After()
    {
        var retryAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var epoch = retryAt.ToUnixTimeSeconds();
        var times = new ConcurrentQueue<DateTimeOffset>();
        _handler.Script("listings",
            _ =>
            {
                times.Enqueue(DateTimeOffset.UtcNow);
                var response = FakeApiHandler.Json(HttpStatusCode.TooManyRequests, """{"status":"fail","message":"Too many requests"}""");
                response.Headers.Add("X-RateLimit-Retry-After", epoch.ToString(CultureInfo.InvariantCulture));
                response.Headers.Add("X-RateLimit-Limit", "20");
                response.Headers.Add("X-RateLimit-Remaining", "0");
                response.Headers.Add("X-RateLimit-Applied", "account");
                return response;
            },
            request =>
            {
                times.Enqueue(DateTimeOffset.UtcNow);
                return Page(2)(request);
            });
        using var client = Client();

        var listings = await client.GetListingsAsync().ToListAsync();

        Assert.Equal(2, listings.Count);
        Assert.Equal(1, client.Statistics.RateLimited);
        var sent = times.ToArray();
        Assert.True(sent[1] >= DateTimeOffset.FromUnixTimeSeconds(epoch).AddMilliseconds(-20), $"retried at {sent[1]:O}, before {DateTimeOffset.FromUnixTimeSeconds(epoch):O}");
        Assert.Equal(20, client.RequestBudget);
        Assert.Contains(_log.Messages, m => m.Contains("429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_without_headers_waits_the_default_and_Retry_After_seconds_are_honoured()
    {
        var times = new ConcurrentQueue<DateTimeOffset>();
        _handler.Script("listings",
            _ =>
            {
                times.Enqueue(DateTimeOffset.UtcNow);
                return FakeApiHandler.Json(HttpStatusCode.TooManyRequests, """{"status":"fail","message":"Too many requests"}""");
            },
            request =>
            {
                times.Enqueue(DateTimeOffset.UtcNow);
                return Page(1)(request);
            });
        using var client = Client();

        await client.GetListingsAsync().ToListAsync();

        var sent = times.ToArray();
        Assert.True(sent[1] - sent[0] >= TimeSpan.FromMilliseconds(280), $"waited only {(sent[1] - sent[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_fail_status_with_HTTP_200_is_an_error_not_data()
    {
        _handler.Script("listings", _ => FakeApiHandler.Json(HttpStatusCode.OK, """{"status":"fail","result":"Invalid sortOrder"}"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<HostawayException>(() => client.GetListingsAsync().ToListAsync().AsTask());

        Assert.Equal(ErrorIds.ApiRequestRejected, error.ErrorId);
        Assert.Contains("Invalid sortOrder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_object_is_null()
    {
        using var client = Client();

        Assert.Null(await client.GetReservationAsync(12345));
    }

    [Fact]
    public async Task Nothing_logged_contains_the_secret_or_the_token()
    {
        _handler.Script("listings", _ => FakeApiHandler.Html(HttpStatusCode.BadGateway), Page(120));
        using var client = Client();

        await client.GetListingsAsync().ToListAsync();

        Assert.NotEmpty(_log.Messages);
        Assert.All(_log.Messages, m =>
        {
            Assert.DoesNotContain(Secret, m, StringComparison.Ordinal);
            Assert.DoesNotContain("token-1", m, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Missing_credentials_are_a_configuration_error()
    {
        var error = Assert.Throws<HostawayException>(() => new HostawayClient(new HostawayClientOptions { Credential = new NetworkCredential("", "") }));

        Assert.Equal(ErrorIds.CredentialsMissing, error.ErrorId);
    }

    private static Func<HttpRequestMessage, HttpResponseMessage> Page(int total, bool withCount = true) => request =>
    {
        var query = request.RequestUri!.PathAndQuery;
        var offset = int.Parse(Query(query, "offset") ?? "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(Query(query, "limit") ?? "100", CultureInfo.InvariantCulture);
        var items = Enumerable.Range(offset + 1, Math.Max(0, Math.Min(limit, total - offset)))
            .Select(i => $$"""{"id":{{i}},"name":"Listing {{i}}","listingImages":[{"id":{{i * 10}},"url":"https://img/{{i}}.jpg","sortOrder":1}]}""");
        var json = new StringBuilder("""{"status":"success","result":[""").Append(string.Join(',', items)).Append(']');
        if (withCount)
        {
            json.Append(CultureInfo.InvariantCulture, $$""","count":{{total}},"limit":{{limit}},"offset":{{offset}}""");
        }

        return FakeApiHandler.Json(HttpStatusCode.OK, json.Append('}').ToString());
    };

    private static string? Query(string pathAndQuery, string name)
    {
        var query = pathAndQuery.Contains('?', StringComparison.Ordinal) ? pathAndQuery[(pathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts[0] == name)
            {
                return Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty);
            }
        }

        return null;
    }

    private sealed class RecordingLog : ISyncLog
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public bool IsEnabled(SyncLogLevel level) => true;

        public void Write(SyncLogLevel level, string message) => Messages.Enqueue(message);
    }
}
