using System.Collections.Concurrent;
using System.Net;
using System.Text;
using HostawaySync.Engine.Api;

namespace HostawaySync.Engine.Tests.Api;

/// <summary>
/// An in-memory HTTP handler for client unit tests: answers by path with a scripted sequence of responses
/// (the last one repeats) and records every request. Integration tests use the real simulator instead.
/// </summary>
public sealed class FakeApiHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>>> _scripts = new();
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _last = new();

    public FakeApiHandler() => Script("accessTokens", _ => Json(HttpStatusCode.OK, """{"token_type":"Bearer","expires_in":15897600,"access_token":"token-1"}"""));

    public ConcurrentQueue<(string Method, string PathAndQuery, string? Authorization, string? Body)> Requests { get; } = new();

    public int TokenRequests => Requests.Count(r => r.PathAndQuery.EndsWith("accessTokens", StringComparison.Ordinal));

    /// <summary>Responses for a path (without query), in order; the last one answers every later request.</summary>
    public FakeApiHandler Script(string path, params Func<HttpRequestMessage, HttpResponseMessage>[] responses)
    {
        var queue = new ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>>(responses);
        _scripts[path] = queue;
        _last[path] = responses[^1];
        return this;
    }

    /// <summary>Client options that send every request here: no token warm-up, a generous budget, 3 retries 1 ms apart.</summary>
    public HostawayClientOptions Options(string secret) => new()
    {
        Credential = new NetworkCredential("10450", secret),
        BaseUrl = new Uri("http://127.0.0.1:9/v1/"),
        Handler = this,
        RequestsPer10Seconds = 1000,
        TokenWarmup = TimeSpan.Zero,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxTransientRetries = 3,
        RateLimitWaitFloor = TimeSpan.FromMilliseconds(10),
        RateLimitDefaultWait = TimeSpan.FromMilliseconds(300),
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Html(HttpStatusCode status) =>
        new(status) { Content = new StringContent("<html><body><h1>502 Bad Gateway</h1></body></html>", Encoding.UTF8, "text/html") };

    public static HttpResponseMessage Truncated() =>
        new(HttpStatusCode.OK) { Content = new StreamContent(new BrokenStream("""{"status":"success","result":[{"id":1,"na"""u8.ToArray())) };

    /// <summary>Headers at once, then a body that never comes: the client's per-attempt timeout must end the wait.</summary>
    public static HttpResponseMessage Stalled() =>
        new(HttpStatusCode.OK) { Content = new StreamContent(new StalledStream()) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath.Replace("/v1/", string.Empty, StringComparison.Ordinal);
        Requests.Enqueue((request.Method.Method, request.RequestUri.PathAndQuery, request.Headers.Authorization?.ToString(), body));
        if (!_scripts.TryGetValue(path, out var queue))
        {
            return Json(HttpStatusCode.NotFound, """{"status":"fail","result":"Not found"}""");
        }

        var respond = queue.TryDequeue(out var next) ? next : _last[path];
        return respond(request);
    }

    /// <summary>A body whose first read waits until the reader gives up.</summary>
    private sealed class StalledStream : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("Only asynchronous reads are scripted.");
    }

    /// <summary>A body that delivers some bytes and then fails like a dropped connection.</summary>
    private sealed class BrokenStream(byte[] head) : MemoryStream(head)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("The response ended prematurely.");
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("The response ended prematurely.");
        }
    }
}
