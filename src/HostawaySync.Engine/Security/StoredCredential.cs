namespace HostawaySync.Engine.Security;

/// <summary>
/// The credential stored for the current user: the account id, the API secret (null when it is kept in a SecretManagement
/// vault: only the vault's name is in the file), when it was set and how it is protected. Its text never shows the secret.
/// </summary>
public sealed class StoredCredential
{
    /// <summary>The Hostaway account id (the credential's user name).</summary>
    public required string AccountId { get; init; }

    /// <summary>The API secret when it is kept in the file; null when a vault keeps it (and in what Get-HostawayCredential shows).</summary>
    public string? Secret { get; init; }

    /// <summary>When it was stored.</summary>
    public required DateTimeOffset SetAt { get; init; }

    /// <summary>The SecretManagement vault that keeps the secret, or null when the file does.</summary>
    public string? Vault { get; init; }

    /// <summary>How the secret is protected: DPAPI or FileMode in the file, Vault in a vault.</summary>
    public string Protection { get; init; } = SecretProtection.Scheme;

    /// <summary>The name of the secret in the vault: one per account.</summary>
    public string VaultSecretName => VaultSecretNameFor(AccountId);

    /// <summary>The name of an account's secret in a SecretManagement vault.</summary>
    public static string VaultSecretNameFor(string accountId) => "HostawaySync-" + accountId;

    /// <inheritdoc />
    public override string ToString() => Vault is null ? $"account {AccountId} (file)" : $"account {AccountId} (vault '{Vault}')";
}
