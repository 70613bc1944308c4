using System.Net;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;

namespace HostawaySync.Infrastructure;

/// <summary>Base of the cmdlets that manage the stored credential (Set-, Get-, Remove-HostawayCredential).</summary>
public abstract class CredentialCmdlet : AsyncHostawayCmdlet
{
    private CredentialStore? _store;

    /// <summary>The per-user credential file (in the configuration folder, next to config.json).</summary>
    internal CredentialStore Store => _store ??= new CredentialStore();

    /// <summary>Runs <paramref name="action"/>; an engine error stops the cmdlet with its id, category and recommended action.</summary>
    protected void Run(Action action)
    {
        try
        {
            action();
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
        }
    }

    /// <summary>
    /// Removes the secret a stored credential keeps in a SecretManagement vault (nothing for one kept in the file); a vault
    /// that cannot be reached only warns, so the credential file is still removed or replaced.
    /// </summary>
    protected void RemoveVaultSecret(StoredCredential stored)
    {
        if (stored.Vault is not { } vault)
        {
            return;
        }

        try
        {
            SecretVault.Remove(this, stored.VaultSecretName, vault);
        }
        catch (HostawayException exception)
        {
            WriteWarning($"The secret '{stored.VaultSecretName}' stays in the vault '{vault}': {exception.Message} Remove it with Remove-Secret.");
        }
    }

    /// <summary>
    /// Revokes at the API and forgets the access token kept for <paramref name="accountId"/> when its credential is removed or
    /// replaced, so no token minted with the old secret stays live or is reused. A revocation that fails (API unreachable,
    /// refused) is a warning: the token is forgotten anyway, and the warning says it may stay live until it expires.
    /// </summary>
    protected void RevokeAndForgetKeptAccessToken(string accountId)
    {
        var tokens = new FileAccessTokenStore();
        string? kept = null;
        try
        {
            kept = tokens.Load(accountId);
        }
        catch (HostawayException exception)
        {
            WriteWarning($"The access token kept for account {accountId} could not be read, so it is not revoked: {exception.Message}");
        }

        if (kept is not null)
        {
            // Revoking needs no secret: the token itself is the credential of the request.
            var options = new HostawayClientOptions { Credential = new NetworkCredential(accountId, "-"), BaseUrl = Settings.BaseUrl, RequestsPer10Seconds = Settings.RequestsPer10Seconds };
            try
            {
                RunEngine(async token =>
                {
                    await HostawayClient.RevokeAccessTokenAsync(options, kept, token).ConfigureAwait(false);
                    return true;
                });
                WriteVerbose($"The access token kept for account {accountId} is revoked.");
            }
            catch (HostawayException exception)
            {
                WriteWarning($"The access token kept for account {accountId} could not be revoked ({exception.Message}); it is forgotten here, and stays valid at Hostaway until it expires.");
            }
        }

        tokens.Delete(accountId);
        WriteVerbose($"The access token kept for account {accountId} (if any) is forgotten.");
    }
}
