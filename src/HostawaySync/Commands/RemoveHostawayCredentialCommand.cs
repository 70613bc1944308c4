using System.Management.Automation;
using HostawaySync.Infrastructure;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Removes the stored Hostaway credential (and its secret in a vault) and the access token kept for it.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "HostawayCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
public sealed class RemoveHostawayCredentialCommand : CredentialCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord() => Run(() =>
    {
        // Removing reads even a credential file others can read: it only needs the account id and vault to remove them.
        if (Store.ReadForRemoval() is not { } stored)
        {
            WriteVerbose($"No credential is stored in '{Store.Path}'.");
            return;
        }

        var what = stored.Vault is null ? Store.Path : $"{Store.Path} and the secret in the vault '{stored.Vault}'";
        if (!ShouldProcess(what, $"Remove the Hostaway credential of account {stored.AccountId}"))
        {
            return;
        }

        RemoveVaultSecret(stored);
        Store.Delete();
        RevokeAndForgetKeptAccessToken(stored.AccountId);
    });
}
