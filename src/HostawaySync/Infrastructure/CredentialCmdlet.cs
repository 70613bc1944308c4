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
    /// Forgets the access token kept for <paramref name="accountId"/> when its credential is removed or replaced, so no run
    /// reuses a token minted with the old secret.
    /// </summary>
    /// <remarks>
    /// Revocation at the API goes here, before the delete: load the kept token (<c>new FileAccessTokenStore().Load(accountId)</c>)
    /// and, when there is one, revoke it with <c>HostawayClient.RevokeAccessTokenAsync</c> (DELETE /v1/accessTokens, issue 13
    /// part 2) through <c>RunEngine</c>, with the BaseUrl setting; a failed revocation should warn, not stop the removal.
    /// </remarks>
    protected void RevokeAndForgetKeptAccessToken(string accountId)
    {
        new FileAccessTokenStore().Delete(accountId);
        WriteVerbose($"The access token kept for account {accountId} (if any) is forgotten.");
    }
}
