using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Benchmarks;

/// <summary>
/// The naive design the issue compares against (item 7), written as a first version would be: one request at a time
/// with a plain HttpClient; the token, then the listings, then each listing's reservations (the listingId filter),
/// then the conversations, then each conversation's messages, all paged by offset; every row stored on its own
/// (INSERT OR REPLACE, one autocommitted statement per row) in a plain SQLite database. A simple client-side limiter
/// keeps it under the budget so it draws no 429 (one is retried after the wait the API asks for, should it come).
/// Benchmark code only: nothing in the engine uses it.
/// </summary>
public sealed class NaiveSyncer : IDisposable
{
    private const int PageSize = 100;

    private readonly HttpClient _http;
    private readonly SqliteConnection _db;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _nextStart = TimeSpan.Zero;
    private string? _token;

    public NaiveSyncer(Uri baseUrl, string databasePath, int requestsPerSecond)
    {
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        _interval = TimeSpan.FromSeconds(1.0 / requestsPerSecond);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _db.Open();
        using var create = _db.CreateCommand();
        create.CommandText = """
            CREATE TABLE IF NOT EXISTS listings (id INTEGER PRIMARY KEY, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS reservations (id INTEGER PRIMARY KEY, listing_id INTEGER, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS conversations (id INTEGER PRIMARY KEY, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, conversation_id INTEGER, json TEXT NOT NULL);
            """;
        create.ExecuteNonQuery();
    }

    public long Requests { get; private set; }

    public long RateLimited { get; private set; }

    public long Rows { get; private set; }

    public async Task RunAsync(long accountId, string secret)
    {
        await GetTokenAsync(accountId, secret);
        var listings = new List<long>();
        await foreach (var listing in ItemsAsync("listings?includeResources=1"))
        {
            listings.Add(Store("listings", listing));
        }

        foreach (var listingId in listings)
        {
            await foreach (var reservation in ItemsAsync(FormattableString.Invariant($"reservations?listingId={listingId}&includeResources=1")))
            {
                Store("reservations", reservation, ("listing_id", listingId));
            }
        }

        var conversations = new List<long>();
        await foreach (var conversation in ItemsAsync("conversations"))
        {
            conversations.Add(Store("conversations", conversation));
        }

        foreach (var conversationId in conversations)
        {
            await foreach (var message in ItemsAsync(FormattableString.Invariant($"conversations/{conversationId}/messages?includeScheduledMessages=1")))
            {
                Store("messages", message, ("conversation_id", conversationId));
            }
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _db.Dispose();
    }

    private async Task GetTokenAsync(long accountId, string secret)
    {
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = accountId.ToString(CultureInfo.InvariantCulture), ["client_secret"] = secret, ["scope"] = "general",
        });
        await WaitForTurnAsync();
        using var response = await _http.PostAsync(new Uri("accessTokens", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        _token = json.RootElement.GetProperty("access_token").GetString();
        // The API refuses a token in its first second.
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
    }

    private async IAsyncEnumerable<JsonElement> ItemsAsync(string path)
    {
        for (var offset = 0; ; offset += PageSize)
        {
            using var page = await GetAsync(FormattableString.Invariant($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}limit={PageSize}&offset={offset}"));
            var items = page.RootElement.GetProperty("result").EnumerateArray().Select(e => e.Clone()).ToList();
            foreach (var item in items)
            {
                yield return item;
            }

            if (items.Count < PageSize)
            {
                yield break;
            }
        }
    }

    private async Task<JsonDocument> GetAsync(string relative)
    {
        while (true)
        {
            await WaitForTurnAsync();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(relative, UriKind.Relative));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _token);
            using var response = await _http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                RateLimited++;
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        }
    }

    // At most one request start per interval: the budget, kept on the client side.
    private async Task WaitForTurnAsync()
    {
        var wait = _nextStart - _clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        _nextStart = _clock.Elapsed + _interval;
        Requests++;
    }

    private long Store(string table, JsonElement item, (string Column, long Value)? parent = null)
    {
        var id = item.GetProperty("id").GetInt64();
        using var insert = _db.CreateCommand();
        insert.CommandText = parent is { } p
            ? $"INSERT OR REPLACE INTO {table} (id, {p.Column}, json) VALUES ($id, $parent, $json);"
            : $"INSERT OR REPLACE INTO {table} (id, json) VALUES ($id, $json);";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$json", item.GetRawText());
        if (parent is { } q)
        {
            insert.Parameters.AddWithValue("$parent", q.Value);
        }

        insert.ExecuteNonQuery();
        Rows++;
        return id;
    }
}
