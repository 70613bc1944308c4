using System.Globalization;
using System.Text.Json;
using HostawaySync.Engine.Api.Json;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Api;

/// <summary>
/// Mints an access token from the account id and API secret, once, and hands the same token to every
/// request of the run. New tokens only work about a second after issue, so callers wait out the warm-up.
/// When a request's token is refused, <see cref="Invalidate"/> drops it (only if it is still the current
/// one, so a burst of refusals mints one new token, not one each).
/// </summary>
internal sealed class AccessTokenProvider : IDisposable
{
    private readonly ApiTransport _transport;
    private readonly HostawayClientOptions _options;
    private readonly ApiCounters _counters;
    private readonly ISyncLog _log;
    private readonly SemaphoreSlim _mint = new(1, 1);
    private TokenState? _current;

    public AccessTokenProvider(ApiTransport transport, HostawayClientOptions options, ApiCounters counters, ISyncLog log)
    {
        _transport = transport;
        _options = options;
        _counters = counters;
        _log = log;
    }

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _current) ?? await MintOnceAsync(cancellationToken).ConfigureAwait(false);
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
            _log.Write(SyncLogLevel.Warning, "The API refused the access token; minting a new one.");
        }
    }

    public void Dispose() => _mint.Dispose();

    private async Task<TokenState> MintOnceAsync(CancellationToken cancellationToken)
    {
        await _mint.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = Volatile.Read(ref _current);
            if (state is null)
            {
                state = await MintAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _current, state);
            }

            return state;
        }
        finally
        {
            _mint.Release();
        }
    }

    private async Task<TokenState> MintAsync(CancellationToken cancellationToken)
    {
        var accountId = _options.Credential.UserName;
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
