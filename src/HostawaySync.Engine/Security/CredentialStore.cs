using System.Globalization;
using System.Text.Json.Nodes;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Security;

/// <summary>
/// The per-user credential file, <c>credential.json</c> in the configuration folder (next to config.json: on Windows
/// <c>%APPDATA%\HostawaySync</c>, on Linux and macOS <c>$XDG_CONFIG_HOME/HostawaySync</c>, or the folder of the file
/// HOSTAWAY_CONFIG_PATH names). It holds the account id, the API secret protected with <see cref="SecretProtection"/> (or
/// the name of the SecretManagement vault that keeps it), and when it was set. A file or folder others can read is refused
/// with HostawaySecretFileShared.
/// </summary>
public sealed class CredentialStore
{
    /// <summary>The file's name in the configuration folder.</summary>
    public const string FileName = "credential.json";

    private readonly SecretFile _file;

    /// <param name="folder">The folder of the file; null: the configuration folder.</param>
    public CredentialStore(string? folder = null) => _file = new SecretFile(System.IO.Path.Combine(folder ?? SecretFile.DefaultFolder, FileName), "credential file");

    /// <summary>The credential file's full path (it need not exist).</summary>
    public string Path => _file.Path;

    /// <summary>The stored credential with its secret (null when the secret is in a vault), or null when none is stored.</summary>
    /// <exception cref="HostawayException">HostawaySecretFileShared, or HostawayStoredCredentialUnreadable for a damaged file.</exception>
    public StoredCredential? Read() => Read(forRemoval: false);

    /// <summary>
    /// What is stored without its secret, even from a file others can read (HostawaySecretFileShared is not raised): what
    /// Remove-HostawayCredential needs to remove it, its vault secret and its kept token.
    /// </summary>
    public StoredCredential? ReadForRemoval() => Read(forRemoval: true);

    private StoredCredential? Read(bool forRemoval)
    {
        if (_file.Read(evenIfShared: forRemoval) is not { } document)
        {
            return null;
        }

        var accountId = SecretFile.Text(document, "accountId");
        var setAt = SecretFile.Text(document, "setAt");
        if (string.IsNullOrWhiteSpace(accountId) || !DateTimeOffset.TryParse(setAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when))
        {
            throw SecretProtection.Unreadable(Path, "it has no account id or no time it was set", null);
        }

        var vault = SecretFile.Text(document, "vault");
        if (!string.IsNullOrEmpty(vault) || forRemoval)
        {
            return new StoredCredential { AccountId = accountId, SetAt = when, Vault = string.IsNullOrEmpty(vault) ? null : vault, Protection = string.IsNullOrEmpty(vault) ? SecretProtection.Scheme : "Vault" };
        }

        var protection = SecretFile.Text(document, "protection") ?? SecretProtection.FileModeScheme;
        var secret = SecretFile.Text(document, "secret") is { Length: > 0 } stored
            ? SecretProtection.Unprotect(stored, protection, Path)
            : throw SecretProtection.Unreadable(Path, "it holds no secret", null);
        return new StoredCredential { AccountId = accountId, Secret = secret, SetAt = when, Protection = protection };
    }

    /// <summary>Stores <paramref name="credential"/>, replacing what was stored (the secret protected, or only the vault's name).</summary>
    /// <exception cref="HostawayException">HostawaySecretFileShared, or HostawayConfigurationNotWritable.</exception>
    public void Save(StoredCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var document = new JsonObject
        {
            ["accountId"] = credential.AccountId,
            ["setAt"] = credential.SetAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        if (credential.Vault is { Length: > 0 } vault)
        {
            document["vault"] = vault;
        }
        else
        {
            ArgumentException.ThrowIfNullOrEmpty(credential.Secret, nameof(credential));
            document["protection"] = SecretProtection.Scheme;
            document["secret"] = SecretProtection.Protect(credential.Secret);
        }

        _file.Write(document);
    }

    /// <summary>Deletes the credential file; false when there was none.</summary>
    public bool Delete() => _file.Delete();
}
