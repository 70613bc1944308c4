using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// Issued access tokens. Tokens look like the real ones (a JWT with <c>aud</c> = account id, <c>scopes</c>),
/// work only after the warm-up, and never expire except by revocation.
/// </summary>
internal sealed class TokenStore(DatasetContext context, TimeProvider time)
{
    /// <summary>The <c>expires_in</c> of the documented sample response (about 184 days).</summary>
    public const int ExpiresInSeconds = 15_897_600;

    private readonly ConcurrentDictionary<string, TokenRecord> _tokens = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Issues a new token for the account.</summary>
    public string Issue(long accountId)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var rng = new DetRandom(context.Hash(HashTags.Token, accountId, sequence));
        var issuedAt = time.GetUtcNow().ToUnixTimeSeconds();
        var header = Encode("{\"typ\":\"JWT\",\"alg\":\"RS256\"}");
        var payload = Encode($"{{\"aud\":\"{accountId}\",\"jti\":\"{rng.Hex(80)}\",\"iat\":{issuedAt},\"nbf\":{issuedAt},"
            + $"\"exp\":{issuedAt + ExpiresInSeconds},\"sub\":\"\",\"scopes\":[\"general\"]}}");
        var signature = new byte[256];
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] = (byte)rng.Next(256);
        }

        var token = $"{header}.{payload}.{Base64Url.EncodeToString(signature)}";
        _tokens[token] = new TokenRecord(accountId, time.GetTimestamp(), false);
        return token;
    }

    /// <summary>Checks a bearer token; returns its account when valid.</summary>
    public (TokenStatus Status, long AccountId) Check(string? token, TimeSpan warmup)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (TokenStatus.Missing, 0);
        }

        if (!_tokens.TryGetValue(token, out var record))
        {
            return (TokenStatus.Unknown, 0);
        }

        if (record.Revoked)
        {
            return (TokenStatus.Revoked, 0);
        }

        return time.GetElapsedTime(record.IssuedTimestamp) < warmup
            ? (TokenStatus.WarmingUp, 0)
            : (TokenStatus.Valid, record.AccountId);
    }

    /// <summary>Revokes one token; unknown tokens are ignored (revocation is idempotent). Returns whether it was live.</summary>
    public bool Revoke(string token)
    {
        while (_tokens.TryGetValue(token, out var record) && !record.Revoked)
        {
            if (_tokens.TryUpdate(token, record with { Revoked = true }, record))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="token"/> was issued here and is not revoked (tokens never expire here).</summary>
    public bool IsLive(string token) => _tokens.TryGetValue(token, out var record) && !record.Revoked;

    /// <summary>Tokens of <paramref name="accountId"/> that were issued and are not revoked (warming-up ones included).</summary>
    public int LiveCount(long accountId) => _tokens.Values.Count(r => r.AccountId == accountId && !r.Revoked);

    /// <summary>Revokes every token; returns how many were live.</summary>
    public int RevokeAll()
    {
        var revoked = 0;
        foreach (var token in _tokens.Keys)
        {
            if (Revoke(token))
            {
                revoked++;
            }
        }

        return revoked;
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
