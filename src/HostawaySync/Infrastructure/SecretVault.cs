using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Net;
using System.Security;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Infrastructure;

/// <summary>
/// A SecretManagement vault, used through the session (Set-Secret, Get-Secret and Remove-Secret of the module
/// Microsoft.PowerShell.SecretManagement, run in a nested pipeline of the calling cmdlet), so that whatever vault extension
/// the user registered keeps the API secret. Without the module: HostawaySecretManagementMissing.
/// </summary>
internal static class SecretVault
{
    /// <summary>The module that provides the vault commands.</summary>
    public const string ModuleName = "Microsoft.PowerShell.SecretManagement";

    /// <summary>Stores <paramref name="secret"/> as <paramref name="name"/> in <paramref name="vault"/>.</summary>
    public static void Set(PSCmdlet cmdlet, string name, SecureString secret, string vault) =>
        Invoke(cmdlet, vault, "param($Name, $Secret, $Vault) Set-Secret -Name $Name -Secret $Secret -Vault $Vault -ErrorAction Stop", name, secret, vault);

    /// <summary>The secret <paramref name="name"/> from <paramref name="vault"/>.</summary>
    public static string Get(PSCmdlet cmdlet, string name, string vault)
    {
        var found = Invoke(cmdlet, vault, "param($Name, $Vault) Get-Secret -Name $Name -Vault $Vault -ErrorAction Stop", name, vault);
        return found.Select(o => o?.BaseObject).FirstOrDefault(o => o is not null) switch
        {
            SecureString secure => new NetworkCredential(string.Empty, secure).Password,
            PSCredential credential => credential.GetNetworkCredential().Password,
            string text => text,
            _ => throw new HostawayException(
                ErrorIds.StoredCredentialUnreadable, ErrorKind.StoreUnusable,
                $"The vault '{vault}' holds no usable secret called '{name}'.",
                $"Store the credential again: Set-HostawayCredential -Vault '{vault}'.", vault),
        };
    }

    /// <summary>Removes the secret <paramref name="name"/> from <paramref name="vault"/>.</summary>
    public static void Remove(PSCmdlet cmdlet, string name, string vault) =>
        Invoke(cmdlet, vault, "param($Name, $Vault) Remove-Secret -Name $Name -Vault $Vault -ErrorAction Stop", name, vault);

    private static Collection<PSObject> Invoke(PSCmdlet cmdlet, string vault, string script, params object[] arguments)
    {
        try
        {
            EnsureAvailable(cmdlet, vault);
            return cmdlet.InvokeCommand.InvokeScript(true, ScriptBlock.Create(script), null, arguments);
        }
        catch (RuntimeException exception)
        {
            throw new HostawayException(
                ErrorIds.StoredCredentialUnreadable, ErrorKind.StoreUnusable,
                $"The SecretManagement vault '{vault}' refused: {exception.Message}",
                "Check the vault with Get-SecretVault and Test-SecretVault, or store the credential in the file instead: Set-HostawayCredential without -Vault.", vault, exception);
        }
    }

    /// <summary>Imports the module, or throws HostawaySecretManagementMissing when it is not installed.</summary>
    private static void EnsureAvailable(PSCmdlet cmdlet, string vault)
    {
        var available = cmdlet.InvokeCommand.InvokeScript(
            true,
            ScriptBlock.Create("param($Name) if (Get-Module -Name $Name) { return $true }; if (Get-Module -ListAvailable -Name $Name) { Import-Module -Name $Name -ErrorAction Stop; return $true }; $false"),
            null,
            ModuleName);
        if (available.Count > 0 && available[^1]?.BaseObject is true)
        {
            return;
        }

        throw new HostawayException(
            ErrorIds.SecretManagementMissing, ErrorKind.InvalidArgument,
            $"The vault '{vault}' cannot be used: the module {ModuleName} is not installed.",
            $"Install it (Install-PSResource {ModuleName}, plus a vault extension such as Microsoft.PowerShell.SecretStore, then Register-SecretVault), or store the credential in the per-user file: Set-HostawayCredential without -Vault.", vault);
    }
}
