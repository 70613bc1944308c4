namespace HostawaySync.Engine.Api;

/// <summary>
/// Where the client keeps the access token it minted for an account between runs, so that at most one token this module
/// minted is live per account: the client reuses the kept token, replaces it (revoking the old one) when the API refuses
/// it, and keeps each new one here before it uses it. Implementations protect the token as they protect the API secret.
/// </summary>
public interface IAccessTokenStore
{
    /// <summary>The token kept for <paramref name="accountId"/>, or null when there is none.</summary>
    string? Load(string accountId);

    /// <summary>Keeps <paramref name="token"/> for <paramref name="accountId"/>, replacing the one kept before.</summary>
    void Save(string accountId, string token);

    /// <summary>Forgets the token kept for <paramref name="accountId"/> (nothing when there is none).</summary>
    void Delete(string accountId);
}
