using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>A minimal Hostaway client for the tests: real HTTP over loopback, JSON as JsonNode.</summary>
public sealed class ApiClient : IDisposable
{
    private ApiClient(HostawaySimulator simulator)
    {
        Simulator = simulator;
        Http = new HttpClient { BaseAddress = simulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HostawaySimulator Simulator { get; }

    public HttpClient Http { get; }

    public static async Task<ApiClient> CreateAsync(HostawaySimulator simulator, bool authenticate = true)
    {
        var client = new ApiClient(simulator);
        if (authenticate)
        {
            client.UseToken(await client.IssueTokenAsync());
        }

        return client;
    }

    public void UseToken(string? token) =>
        Http.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

    public Task<HttpResponseMessage> PostTokenRequestAsync(IEnumerable<KeyValuePair<string, string>> form) =>
        Http.PostAsync("accessTokens", new FormUrlEncodedContent(form));

    public static IEnumerable<KeyValuePair<string, string>> ValidForm(HostawaySimulator simulator) =>
    [
        new("grant_type", "client_credentials"),
        new("client_id", simulator.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("client_secret", simulator.ClientSecret),
        new("scope", "general"),
    ];

    public async Task<string> IssueTokenAsync()
    {
        using var response = await PostTokenRequestAsync(ValidForm(Simulator));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["access_token"]!.GetValue<string>();
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string relativeUrl)
    {
        using var response = await Http.GetAsync(relativeUrl);
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType == "application/json";
        return (response.StatusCode, json && text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    /// <summary>GET that must succeed with status "success".</summary>
    public async Task<JsonObject> GetOkAsync(string relativeUrl)
    {
        var (status, body) = await GetAsync(relativeUrl);
        Assert.True(status == HttpStatusCode.OK, $"GET {relativeUrl} gave {(int)status}: {body?.ToJsonString()}");
        Assert.Equal("success", body!["status"]!.GetValue<string>());
        return body.AsObject();
    }

    /// <summary>Pages an offset-paged list to the end ("empty or short page" rule) and returns every row.</summary>
    public async Task<List<JsonObject>> PageAllAsync(string path, int limit)
    {
        var rows = new List<JsonObject>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var offset = 0; ; offset += limit)
        {
            var page = await GetOkAsync($"{path}{separator}limit={limit}&offset={offset}");
            var result = page["result"]!.AsArray();
            rows.AddRange(result.Select(r => r!.AsObject()));
            if (result.Count < limit)
            {
                return rows;
            }
        }
    }

    /// <summary>Pages reservations with the afterId cursor until an empty page.</summary>
    public async Task<List<JsonObject>> PageReservationsByCursorAsync(string query, int limit)
    {
        var rows = new List<JsonObject>();
        long? after = null;
        while (true)
        {
            var url = $"reservations?limit={limit}{(query.Length > 0 ? "&" + query : string.Empty)}{(after is null ? string.Empty : $"&afterId={after}")}";
            var result = (await GetOkAsync(url))["result"]!.AsArray();
            if (result.Count == 0)
            {
                return rows;
            }

            rows.AddRange(result.Select(r => r!.AsObject()));
            after = result[^1]!["id"]!.GetValue<long>();
        }
    }

    public void Dispose() => Http.Dispose();
}
