using System.Collections.Concurrent;
using System.Globalization;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Api;

/// <summary>
/// At most one live access token per account (issue 13): with a token store, runs reuse the kept token and replace it
/// (revoking the old one) only when the API refuses it; without one, each run revokes the token it minted. The simulator
/// counts the live tokens. No token ever reaches a log line or an error message.
/// </summary>
public sealed class AccessTokenTests
{
    private const int Runs = 10;

    private static async Task<SyncHarness> StartAsync(int seed)
    {
        var harness = await SyncHarness.StartAsync(seed, DatasetOptions.Tiny, new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, TokenWarmup = TimeSpan.Zero });
        harness.ClientTokenWarmup = TimeSpan.Zero;
        return harness;
    }

    private static SyncOptions WithStore(SyncHarness harness, IAccessTokenStore? store, SyncMode mode = SyncMode.Incremental) =>
        harness.Options(mode, c => c with { TokenStore = store });

    private static MemoryTokenStore? StoreIf(bool withStore) => withStore ? new MemoryTokenStore() : null;

    private static string Account(SyncHarness harness) => harness.Simulator.AccountId.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Ten_runs_with_a_store_mint_one_token_and_leave_only_that_one_live()
    {
        await using var harness = await StartAsync(131);
        var store = new MemoryTokenStore();

        for (var run = 0; run < Runs; run++)
        {
            var result = await SyncRunner.RunAsync(WithStore(harness, store, run == 0 ? SyncMode.Full : SyncMode.Incremental));
            Assert.Equal(SyncStatus.Succeeded, result.Status);
            Assert.Equal(run == 0 ? 1 : 0, result.Api.TokensIssued);
        }

        var stats = harness.Simulator.GetStats();
        Assert.Equal(1, stats.TokensIssued);
        Assert.Equal(1, stats.LiveTokens);
        Assert.Single(store.Saved);
        Assert.True(harness.Simulator.IsTokenLive(store.Kept(Account(harness))!));
        Assert.Equal(0, stats.RequestsByEndpoint.GetValueOrDefault("DELETE /v1/accessTokens"));
        Assert.Equal(0, stats.Forbidden);
    }

    [Fact]
    public async Task Ten_runs_without_a_store_revoke_their_tokens_and_leave_none_live()
    {
        await using var harness = await StartAsync(132);

        for (var run = 0; run < Runs; run++)
        {
            var result = await SyncRunner.RunAsync(WithStore(harness, null, run == 0 ? SyncMode.Full : SyncMode.Incremental));
            Assert.Equal(SyncStatus.Succeeded, result.Status);
            Assert.Equal(0, harness.Simulator.GetStats().LiveTokens);
        }

        var stats = harness.Simulator.GetStats();
        Assert.Equal(Runs, stats.TokensIssued);
        Assert.Equal(0, stats.LiveTokens);
        Assert.Equal(Runs, stats.RequestsByEndpoint.GetValueOrDefault("DELETE /v1/accessTokens"));
    }

    [Fact]
    public async Task A_kept_token_revoked_before_the_run_is_replaced_and_the_new_one_kept()
    {
        await using var harness = await StartAsync(133);
        var store = new MemoryTokenStore();
        Assert.Equal(SyncStatus.Succeeded, (await SyncRunner.RunAsync(WithStore(harness, store, SyncMode.Full))).Status);
        var old = store.Kept(Account(harness))!;
        Assert.True(harness.Simulator.RevokeToken(old));

        var result = await SyncRunner.RunAsync(WithStore(harness, store));

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        var kept = store.Kept(Account(harness))!;
        Assert.NotEqual(old, kept);
        Assert.False(harness.Simulator.IsTokenLive(old));
        Assert.True(harness.Simulator.IsTokenLive(kept));
        var stats = harness.Simulator.GetStats();
        Assert.Equal(2, stats.TokensIssued);
        Assert.Equal(1, stats.LiveTokens);
    }

    [Theory]
    [InlineData(134, true)]
    [InlineData(135, false)]
    public async Task A_token_refused_mid_run_is_replaced_the_run_succeeds_and_at_most_one_stays_live(int seed, bool withStore)
    {
        await using var harness = await StartAsync(seed);
        var store = StoreIf(withStore);
        if (store is not null)
        {
            Assert.Equal(SyncStatus.Succeeded, (await SyncRunner.RunAsync(WithStore(harness, store, SyncMode.Full))).Status);
        }

        // The API stops accepting the run's token after its third answer: revoked elsewhere, or expired.
        var refused = store?.Kept(Account(harness));
        var log = new CapturingLog(onWrite: (level, _, traces) =>
        {
            if (level == SyncLogLevel.Trace && traces == 3)
            {
                harness.Simulator.RevokeAllTokens();
            }
        });
        var before = harness.Simulator.GetStats();

        var result = await SyncRunner.RunAsync(WithStore(harness, store, SyncMode.Full), log);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        harness.AssertEqualsGroundTruth();
        var stats = harness.Simulator.GetStats();
        Assert.True(stats.Forbidden > before.Forbidden);
        Assert.Equal(before.TokensIssued + (withStore ? 1 : 2), stats.TokensIssued);
        Assert.Equal(withStore ? 1 : 0, stats.LiveTokens);
        Assert.Contains(log.Entries, e => e.Level == SyncLogLevel.Warning && e.Message.Contains("refused the access token", StringComparison.Ordinal));
        if (store is not null)
        {
            var kept = store.Kept(Account(harness))!;
            Assert.NotEqual(refused, kept);
            Assert.False(harness.Simulator.IsTokenLive(refused!));
            Assert.True(harness.Simulator.IsTokenLive(kept));
            Assert.Equal(2, store.Saved.Count);
        }

        AssertNoToken(log, store);
    }

    [Fact]
    public async Task A_kept_token_is_used_at_once_without_the_warm_up()
    {
        await using var harness = await StartAsync(136);
        var store = new MemoryTokenStore();
        Assert.Equal(SyncStatus.Succeeded, (await SyncRunner.RunAsync(WithStore(harness, store, SyncMode.Full))).Status);

        // A new token would make this run wait ten minutes; the kept one is old enough already.
        var options = WithStore(harness, store) with { Client = WithStore(harness, store).Client with { TokenWarmup = TimeSpan.FromMinutes(10) } };
        var result = await SyncRunner.RunAsync(options);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Assert.True(result.Duration < TimeSpan.FromMinutes(1), $"The run took {result.Duration}.");
        Assert.Equal(1, harness.Simulator.GetStats().TokensIssued);
    }

    [Theory]
    [InlineData(137, true)]
    [InlineData(138, false)]
    public async Task Test_HostawaySync_s_verifier_follows_the_same_rule(int seed, bool withStore)
    {
        await using var harness = await StartAsync(seed);
        var store = StoreIf(withStore);
        var options = WithStore(harness, store, SyncMode.Full);
        Assert.Equal(SyncStatus.Succeeded, (await SyncRunner.RunAsync(options)).Status);
        var log = new CapturingLog();

        for (var check = 0; check < 3; check++)
        {
            var drift = await SyncVerifier.CompareAsync(options.Client, harness.Store, SyncResources.All, log);
            Assert.All(drift, d => Assert.Equal(d.ApiCount, d.StoredCount));
        }

        var stats = harness.Simulator.GetStats();
        Assert.Equal(withStore ? 1 : 4, stats.TokensIssued);
        Assert.Equal(withStore ? 1 : 0, stats.LiveTokens);
        AssertNoToken(log, store);
    }

    [Fact]
    public async Task A_disposed_client_without_a_store_revokes_its_token_also_when_disposed_synchronously()
    {
        await using var harness = await StartAsync(139);
        using (var client = new HostawayClient(harness.Options().Client))
        {
            await client.GetCountAsync(ApiResource.Listings);
            Assert.Equal(1, harness.Simulator.GetStats().LiveTokens);
        }

        Assert.Equal(0, harness.Simulator.GetStats().LiveTokens);
    }

    [Fact]
    public async Task A_new_token_the_store_cannot_keep_is_revoked_and_the_failure_surfaces()
    {
        await using var harness = await StartAsync(140);
        var store = new MemoryTokenStore { SaveFailure = new IOException("The token cache is read-only.") };
        await using var client = new HostawayClient(harness.Options(client: c => c with { TokenStore = store }).Client);

        await Assert.ThrowsAsync<IOException>(() => client.GetCountAsync(ApiResource.Listings));

        var stats = harness.Simulator.GetStats();
        Assert.Equal(1, stats.TokensIssued);
        Assert.Equal(0, stats.LiveTokens);
        Assert.Equal(0, stats.RequestsByEndpoint.GetValueOrDefault("GET /v1/listings"));
    }

    [Fact]
    public async Task RevokeAccessTokenAsync_revokes_and_its_errors_never_show_the_token()
    {
        await using var harness = await StartAsync(141);
        var store = new MemoryTokenStore();
        var options = harness.Options(client: c => c with { TokenStore = store, MaxTransientRetries = 0 }).Client;
        await using (var client = new HostawayClient(options))
        {
            await client.GetCountAsync(ApiResource.Listings);
        }

        var token = store.Kept(Account(harness))!;
        Assert.True(harness.Simulator.IsTokenLive(token));
        await HostawayClient.RevokeAccessTokenAsync(options, token);
        Assert.False(harness.Simulator.IsTokenLive(token));
        Assert.Equal(0, harness.Simulator.GetStats().LiveTokens);

        harness.Simulator.UpdateSettings(s => s with { FaultRate = 1, Faults = FaultKinds.ServerError });
        var error = await Assert.ThrowsAsync<HostawayException>(() => HostawayClient.RevokeAccessTokenAsync(options, token));
        Assert.Equal(ErrorIds.ApiUnavailable, error.ErrorId);
        Assert.Contains("DELETE accessTokens", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revocation_that_fails_is_a_debug_message_and_never_fails_the_run()
    {
        await using var harness = await StartAsync(142);
        var log = new CapturingLog(onWrite: (level, message, _) =>
        {
            // Once the run has finished its work, every request fails: the revocation at the end cannot succeed.
            if (level == SyncLogLevel.Information && message.StartsWith("Sync run ", StringComparison.Ordinal) && message.Contains(" requests, ", StringComparison.Ordinal))
            {
                harness.Simulator.UpdateSettings(s => s with { FaultRate = 1, Faults = FaultKinds.ServerError });
            }
        });
        var options = harness.Options(SyncMode.Full, c => c with { MaxTransientRetries = 1 });

        var result = await SyncRunner.RunAsync(options, log);

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        Assert.Contains(log.Entries, e => e.Level == SyncLogLevel.Debug && e.Message.StartsWith("Could not revoke the run's access token", StringComparison.Ordinal));
        Assert.Contains(log.Entries, e => e.Level == SyncLogLevel.Trace && e.Message.StartsWith("DELETE accessTokens?token=[redacted] -> 5", StringComparison.Ordinal));
        AssertNoToken(log, null);
    }

    /// <summary>No log line holds a token: none of those the store saw, and nothing shaped like a JWT at all.</summary>
    private static void AssertNoToken(CapturingLog log, MemoryTokenStore? store)
    {
        Assert.Contains(log.Entries, e => e.Level == SyncLogLevel.Trace);
        foreach (var (_, message) in log.Entries)
        {
            Assert.DoesNotContain("eyJ", message, StringComparison.Ordinal);
            Assert.All(store?.Saved ?? [], token => Assert.DoesNotContain(token, message, StringComparison.Ordinal));
        }
    }

    /// <summary>Keeps every message at every level; <c>onWrite</c> sees each one with the number of Trace messages so far.</summary>
    private sealed class CapturingLog(Action<SyncLogLevel, string, int>? onWrite = null) : ISyncLog
    {
        private int _traces;

        public ConcurrentQueue<(SyncLogLevel Level, string Message)> Entries { get; } = new();

        public bool IsEnabled(SyncLogLevel level) => true;

        public void Write(SyncLogLevel level, string message)
        {
            Entries.Enqueue((level, message));
            var traces = level == SyncLogLevel.Trace ? Interlocked.Increment(ref _traces) : Volatile.Read(ref _traces);
            onWrite?.Invoke(level, message, traces);
        }
    }
}
