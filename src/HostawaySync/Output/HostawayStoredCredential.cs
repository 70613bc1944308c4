using HostawaySync.Engine.Security;
using HostawaySync.Infrastructure;

namespace HostawaySync.Output;

/// <summary>What Get-HostawayCredential (and Set-HostawayCredential -PassThru) returns: the stored credential, never its secret.</summary>
public sealed class HostawayStoredCredential
{
    /// <summary>The Hostaway account id.</summary>
    public string AccountId { get; init; } = string.Empty;

    /// <summary>Where the secret is kept: File (the per-user credential file) or Vault (a SecretManagement vault).</summary>
    public string StoredIn { get; init; } = string.Empty;

    /// <summary>The vault's name when a vault keeps the secret; null for the file.</summary>
    public string? Vault { get; init; }

    /// <summary>The credential file (it names the vault when a vault keeps the secret).</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>How the secret is protected: DPAPI (Windows), FileMode (0600 on Linux and macOS) or Vault.</summary>
    public string Protection { get; init; } = string.Empty;

    /// <summary>When it was stored (UTC).</summary>
    public DateTime SetAt { get; init; }

    /// <summary>
    /// Whether a command given no -Credential uses it now: false while HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY are set,
    /// which come first.
    /// </summary>
    public bool InEffect { get; init; }

    /// <summary>The resolution order of the commands that talk to the API.</summary>
    public string ResolutionOrder { get; init; } = CredentialResolution.Order;

    internal static HostawayStoredCredential From(StoredCredential stored, string path) => new()
    {
        AccountId = stored.AccountId,
        StoredIn = stored.Vault is null ? "File" : "Vault",
        Vault = stored.Vault,
        Path = path,
        Protection = stored.Protection,
        SetAt = stored.SetAt.UtcDateTime,
        InEffect = CredentialResolution.FromEnvironment() is null,
    };
}
