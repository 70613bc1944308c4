using System.Globalization;
using System.Text.Json;
using HostawaySync.Engine.Api.Json;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Api;

/// <summary>
/// Hands the same access token to every request of the run. With a token store (<see cref="HostawayClientOptions.TokenStore"/>)
/// the token kept for the account is used first, with no mint request and no warm-up; otherwise, and whenever the API
/// refuses the token, a new one is minted, kept in the store before it is used, and the refused one is revoked (best
/// effort): at most one token this module minted is live per account, and it is always the kept one. New tokens only
/// work about a second after issue, so callers wait out the warm-up. When a request's token is refused,
/// <see cref="Invalidate"/> drops it (only if it is still the current one, so a burst of refusals mints one new token,
/// not one each). Without a store, <see cref="RevokeMintedAsync"/> revokes the run's token at its end.
/// </summary>
internal sealed class AccessTokenProvider : IDisposable
{
    /// <summary>How long a best-effort revocation may take (real time) before it is given up.</summary>
    public static readonly TimeSpan RevokeTimeout = TimeSpan.FromSeconds(5);

    private readonly ApiTransport _transport;
    private readonly HostawayClientOptions _options;
    private readonly ApiCounters _counters;
    private readonly ISyncLog _log;
    private readonly SemaphoreSlim _mint = new(1, 1);
    private TokenState? _current;
    private bool _storeRead;
    private string? _refused;
    private string? _minted;

    public AccessTokenProvider(ApiTransport transport, HostawayClientOptions options, ApiCounters counters, ISyncLog log)
    {
        _transport = transport;
        _options = options;
        _counters = counters;
        _log = log;
    }

    private string AccountId => _options.Credential.UserName;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _current) ?? await AcquireOnceAsync(cancellationToken).ConfigureAwait(false);
        var wait = state.UsableAt - _options.TimeProvider.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        return state.Token;
    }

    public void Invalidate(string token)
    {
        var state = Volatile.Read(ref _current);
        if (state is not null && string.Equals(state.Token, token, StringComparison.Ordinal) && Interlocked.CompareExchange(ref _current, null, state) == state)
        {
            // Revoked once its replacement is kept, so that one of our tokens is always kept.
            Volatile.Write(ref _refused, token);
            _log.Write(SyncLogLevel.Warning, "The API refused the access token; minting a new one.");
        }
    }

    /// <summary>
    /// Without a token store, revokes the token this run minted (best effort, within <see cref="RevokeTimeout"/>; a
    /// failure is a debug message). With a store, the token stays live: it is the kept one.
    /// </summary>
    public async Task RevokeMintedAsync()
    {
        if (_options.TokenStore is null && Interlocked.Exchange(ref _minted, null) is { } token)
        {
            await RevokeQuietlyAsync(token, "the run's access token", CancellationToken.None).ConfigureAwait(false);
        }
    }

    public void Dispose() => _mint.Dispose();

    /// <summary>
    /// Revokes <paramref name="token"/> (<c>DELETE /v1/accessTokens?token=</c>). Throws <see cref="HostawayException"/> when
    /// the API refuses or cannot be reached; no message ever contains the token.
    /// </summary>
    public static async Task RevokeAsync(ApiTransport transport, HostawayClientOptions options, string token, CancellationToken cancellationToken)
    {
        var what = HttpMethod.Delete.Method + " accessTokens";
        JsonDocument document;
        try
        {
            document = await transport.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, "accessTokens?token=" + Uri.EscapeDataString(token)), cancellationToken).ConfigureAwait(false);
        }
        catch (ApiAttemptException exception)
        {
            throw ApiFailures.Final(what, exception, options);
        }

        using (document)
        {
            if (string.Equals(document.RootElement.String("status"), "fail", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiErrors.Rejected(what, 200, document.RootElement.String("message") ?? document.RootElement.String("result") ?? "no reason given");
            }
        }
    }

    private async Task<TokenState> AcquireOnceAsync(CancellationToken cancellationToken)
    {
        await _mint.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = Volatile.Read(ref _current);
            if (state is null)
            {
                state = LoadKept() ?? await ReplaceAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _current, state);
            }

            return state;
        }
        finally
        {
            _mint.Release();
        }
    }

    /// <summary>The token the store keeps for the account, the first time only (once refused, it is never taken again).</summary>
    private TokenState? LoadKept()
    {
        if (_options.TokenStore is not { } store || _storeRead)
        {
            return null;
        }

        _storeRead = true;
        var token = store.Load(AccountId);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        _log.Write(SyncLogLevel.Debug, $"Using the access token kept for account {AccountId}.");
        // A kept token was minted by an earlier run, so its warm-up is long over.
        return new TokenState(token, DateTimeOffset.MinValue);
    }

    /// <summary>Mints a token, keeps it (before anything uses it), then revokes the refused one it replaces.</summary>
    private async Task<TokenState> ReplaceAsync(CancellationToken cancellationToken)
    {
        var state = await MintAsync(cancellationToken).ConfigureAwait(false);
        if (_options.TokenStore is { } store)
        {
            try
            {
                store.Save(AccountId, state.Token);
            }
            catch
            {
                // A token nobody keeps must not stay live.
                await RevokeQuietlyAsync(state.Token, "the access token that could not be kept", CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
        else
        {
            Volatile.Write(ref _minted, state.Token);
        }

        if (Interlocked.Exchange(ref _refused, null) is { } refused)
        {
            await RevokeQuietlyAsync(refused, "the refused access token", cancellationToken).ConfigureAwait(false);
        }

        return state;
    }

    /// <summary>Revokes a token, best effort: a failure (or no answer within <see cref="RevokeTimeout"/>) is a debug message.</summary>
    private async Task RevokeQuietlyAsync(string token, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RevokeTimeout);
        try
        {
            await RevokeAsync(_transport, _options, token, timeout.Token).ConfigureAwait(false);
            _log.Write(SyncLogLevel.Debug, $"Revoked {what} of account {AccountId}.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = exception is OperationCanceledException ? string.Create(CultureInfo.InvariantCulture, $"no answer within {RevokeTimeout.TotalSeconds:0} s") : exception.Message;
            _log.Write(SyncLogLevel.Debug, $"Could not revoke {what} of account {AccountId} (it stays valid until it expires): {reason}");
        }
    }

    private async Task<TokenState> MintAsync(CancellationToken cancellationToken)
    {
        var accountId = AccountId;
        JsonDocument document;
        try
        {
            document = await _transport.SendAsync(CreateRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiAttemptException exception) when (exception.Kind is ApiFailureKind.AuthRejected or ApiFailureKind.NotFound)
        {
            throw ApiErrors.AuthFailed(accountId, StripWhat(exception.Message));
        }
        catch (HostawayException exception) when (exception.ErrorId == ErrorIds.ApiRequestRejected)
        {
            throw ApiErrors.AuthFailed(accountId, exception.Message);
        }
        catch (ApiAttemptException exception)
        {
            throw ApiFailures.Final("POST accessTokens", exception, _options);
        }

        using (document)
        {
            var token = document.RootElement.String("access_token");
            if (string.IsNullOrEmpty(token))
            {
                throw ApiErrors.BadData("POST accessTokens", new JsonException("The token response has no access_token."));
            }

            _counters.TokenIssued();
            if (_log.IsEnabled(SyncLogLevel.Debug))
            {
                _log.Write(SyncLogLevel.Debug, string.Create(CultureInfo.InvariantCulture, $"Minted an access token for account {accountId}; waiting {_options.TokenWarmup.TotalSeconds:0.0} s before first use."));
            }

            return new TokenState(token, _options.TimeProvider.GetUtcNow() + _options.TokenWarmup);
        }
    }

    private HttpRequestMessage CreateRequest() => new(HttpMethod.Post, "accessTokens")
    {
        Content = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", _options.Credential.UserName),
            new("client_secret", _options.Credential.Password),
            new("scope", "general"),
        ]),
    };

    private static string StripWhat(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? message : message[(colon + 2)..];
    }

    private sealed record TokenState(string Token, DateTimeOffset UsableAt);
}
