using System.Net;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

public sealed class AuthTests : IAsyncLifetime
{
    private HostawaySimulator _simulator = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorSetup.StartAsync(DatasetOptions.Tiny);
        _api = await ApiClient.CreateAsync(_simulator, authenticate: false);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Client_credentials_give_a_bearer_jwt_that_opens_the_api()
    {
        using var response = await _api.PostTokenRequestAsync(ApiClient.ValidForm(_simulator));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.True(body["expires_in"]!.GetValue<int>() > 86_400);
        var token = body["access_token"]!.GetValue<string>();
        Assert.Equal(3, token.Split('.').Length);
        Assert.Null(body["status"]);

        _api.UseToken(token);
        await _api.GetOkAsync("listings");
        Assert.Equal(1, _simulator.GetStats().TokensIssued);
    }

    [Theory]
    [InlineData("client_secret", "wrong", "invalid_client")]
    [InlineData("client_id", "99999", "invalid_client")]
    [InlineData("grant_type", "password", "unsupported_grant_type")]
    [InlineData("scope", "admin", "invalid_scope")]
    public async Task Bad_credentials_or_grant_are_401_with_the_oauth_body(string field, string value, string error)
    {
        var form = ApiClient.ValidForm(_simulator).Select(p => p.Key == field ? new KeyValuePair<string, string>(field, value) : p);
        using var response = await _api.PostTokenRequestAsync(form);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["error", "error_description", "message"], body.Select(p => p.Key).Order());
        Assert.Equal(error, body["error"]!.GetValue<string>());
        Assert.Equal(0, _simulator.GetStats().TokensIssued);
    }

    [Fact]
    public async Task A_json_token_request_is_rejected_because_the_endpoint_takes_a_form()
    {
        using var content = new StringContent("{\"grant_type\":\"client_credentials\"}", System.Text.Encoding.UTF8, "application/json");
        using var response = await _api.Http.PostAsync("accessTokens", content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Missing_or_unknown_bearer_is_403_with_the_documented_body(string? token)
    {
        _api.UseToken(token);
        var (status, body) = await _api.GetAsync("reservations");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(
            "{\"status\":\"fail\",\"message\":\"The resource owner or authorization server denied the request.\"}",
            body!.ToJsonString());
        Assert.Equal(1, _simulator.GetStats().Forbidden);
    }

    [Fact]
    public async Task A_new_token_is_refused_until_the_warm_up_has_passed()
    {
        _simulator.UpdateSettings(s => s with { TokenWarmup = TimeSpan.FromHours(1) });
        _api.UseToken(await _api.IssueTokenAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.GetAsync("listings")).Status);

        // Warm-up is measured against the current setting, so shrinking it ends the wait without sleeping.
        _simulator.UpdateSettings(s => s with { TokenWarmup = TimeSpan.Zero });
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("listings")).Status);
    }

    [Fact]
    public async Task Revoking_one_token_or_all_tokens_makes_them_403()
    {
        var first = await _api.IssueTokenAsync();
        var second = await _api.IssueTokenAsync();
        using var revoke = await _api.Http.DeleteAsync($"accessTokens?token={Uri.EscapeDataString(first)}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("{\"status\":\"success\",\"result\":[]}", await revoke.Content.ReadAsStringAsync());

        _api.UseToken(first);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.GetAsync("listings")).Status);
        _api.UseToken(second);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("listings")).Status);

        _simulator.RevokeAllTokens();
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.GetAsync("listings")).Status);
        _api.UseToken(await _api.IssueTokenAsync());
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("listings")).Status);
    }

    [Fact]
    public async Task The_token_endpoint_counts_against_the_ip_limit()
    {
        _simulator.UpdateSettings(s => s with { IpRequestsPer10Seconds = 2 });
        await _api.IssueTokenAsync();
        await _api.IssueTokenAsync();
        using var third = await _api.PostTokenRequestAsync(ApiClient.ValidForm(_simulator));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("ip", third.Headers.GetValues("X-RateLimit-Applied").Single());
    }

    [Fact]
    public async Task Live_tokens_are_counted_per_account_and_revoking_over_the_api_ends_them()
    {
        Assert.Equal(0, _simulator.GetStats().LiveTokens);
        var first = await _api.IssueTokenAsync();
        var second = await _api.IssueTokenAsync();
        Assert.Equal(2, _simulator.GetStats().LiveTokens);
        Assert.True(_simulator.IsTokenLive(first));

        using var revoke = await _api.Http.DeleteAsync($"accessTokens?token={Uri.EscapeDataString(first)}");
        Assert.Equal("{\"status\":\"success\",\"result\":[]}", await revoke.Content.ReadAsStringAsync());
        Assert.False(_simulator.IsTokenLive(first));
        Assert.True(_simulator.IsTokenLive(second));
        Assert.Equal(1, _simulator.GetStats().LiveTokens);

        // Revoking again, or a token never issued, changes nothing and still succeeds.
        using var again = await _api.Http.DeleteAsync($"accessTokens?token={Uri.EscapeDataString(first)}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var unknown = await _api.Http.DeleteAsync("accessTokens?token=never-issued");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(1, _simulator.GetStats().LiveTokens);

        // Live tokens are state, not a counter: a stats reset keeps them.
        _simulator.ResetStats();
        var stats = _simulator.GetStats();
        Assert.Equal(0, stats.TokensIssued);
        Assert.Equal(1, stats.LiveTokens);
    }

    [Fact]
    public async Task One_token_revoked_server_side_is_refused_and_no_longer_live_while_others_work()
    {
        var refused = await _api.IssueTokenAsync();
        var other = await _api.IssueTokenAsync();
        _api.UseToken(refused);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("listings")).Status);

        Assert.True(_simulator.RevokeToken(refused));
        Assert.False(_simulator.RevokeToken(refused));
        Assert.False(_simulator.RevokeToken("never-issued"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.GetAsync("listings")).Status);
        Assert.Equal(1, _simulator.GetStats().LiveTokens);
        _api.UseToken(other);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("listings")).Status);

        _simulator.RevokeAllTokens();
        Assert.Equal(0, _simulator.GetStats().LiveTokens);
        Assert.False(_simulator.IsTokenLive(other));
    }
}
