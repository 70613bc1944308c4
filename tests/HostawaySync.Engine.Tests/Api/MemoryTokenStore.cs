using System.Collections.Concurrent;
using HostawaySync.Engine.Api;

namespace HostawaySync.Engine.Tests.Api;

/// <summary>An in-memory <see cref="IAccessTokenStore"/> that remembers every token it was given, in order.</summary>
internal sealed class MemoryTokenStore : IAccessTokenStore
{
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    /// <summary>Every token saved, oldest first.</summary>
    public ConcurrentQueue<string> Saved { get; } = new();

    /// <summary>Thrown by <see cref="Save"/> when set (a store that cannot write).</summary>
    public Exception? SaveFailure { get; set; }

    /// <summary>The token kept for <paramref name="accountId"/>, or null.</summary>
    public string? Kept(string accountId) => _tokens.GetValueOrDefault(accountId);

    public string? Load(string accountId) => _tokens.GetValueOrDefault(accountId);

    public void Save(string accountId, string token)
    {
        if (SaveFailure is { } failure)
        {
            throw failure;
        }

        _tokens[accountId] = token;
        Saved.Enqueue(token);
    }

    public void Delete(string accountId) => _tokens.TryRemove(accountId, out _);
}
