using System.Management.Automation;
using System.Net;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;

namespace HostawaySync.Infrastructure;

/// <summary>Where the credential a command uses comes from.</summary>
internal enum CredentialSource
{
    /// <summary>No credential anywhere.</summary>
    None,

    /// <summary>The -Credential parameter.</summary>
    Parameter,

    /// <summary>HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY.</summary>
    Environment,

    /// <summary>The stored credential (Set-HostawayCredential): the per-user file, or a SecretManagement vault it names.</summary>
    Stored,
}

/// <summary>
/// The credential resolution order of every command that talks to the API: -Credential, then HOSTAWAY_ACCOUNT_ID and
/// HOSTAWAY_API_KEY, then the stored credential (Set-HostawayCredential). A stored credential that cannot be used (a
/// credential file others can read, a damaged file, a vault that is missing) stops the command; it is never skipped.
/// </summary>
internal static class CredentialResolution
{
    /// <summary>The environment variable that holds the account id.</summary>
    public const string AccountIdVariable = "HOSTAWAY_ACCOUNT_ID";

    /// <summary>The environment variable that holds the API secret.</summary>
    public const string ApiKeyVariable = "HOSTAWAY_API_KEY";

    /// <summary>The order, for people (help, Get-HostawayConfiguration, Get-HostawayCredential).</summary>
    public const string Order = "-Credential, then HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY, then the stored credential (Set-HostawayCredential)";

    /// <summary>The account id and secret from the environment, or null when either is missing.</summary>
    public static NetworkCredential? FromEnvironment()
    {
        var accountId = System.Environment.GetEnvironmentVariable(AccountIdVariable);
        var secret = System.Environment.GetEnvironmentVariable(ApiKeyVariable);
        return string.IsNullOrWhiteSpace(accountId) || string.IsNullOrEmpty(secret) ? null : new NetworkCredential(accountId.Trim(), secret);
    }

    /// <summary>
    /// The credential to use and where it came from; the secret of a credential stored in a vault is read through
    /// <paramref name="cmdlet"/>'s session.
    /// </summary>
    /// <exception cref="HostawayException">HostawayCredentialsMissing, or the stored credential's error (HostawaySecretFileShared...).</exception>
    public static (NetworkCredential Credential, CredentialSource Source) Resolve(PSCmdlet cmdlet, PSCredential? parameter, CredentialStore store)
    {
        if (parameter is not null)
        {
            return (new NetworkCredential(parameter.UserName, parameter.Password), CredentialSource.Parameter);
        }

        if (FromEnvironment() is { } environment)
        {
            return (environment, CredentialSource.Environment);
        }

        var stored = store.Read() ?? throw Missing();
        var secret = stored.Vault is { } vault ? SecretVault.Get(cmdlet, stored.VaultSecretName, vault) : stored.Secret!;
        return (new NetworkCredential(stored.AccountId, secret), CredentialSource.Stored);
    }

    /// <summary>HostawayCredentialsMissing: nothing in the parameter, the environment or the store.</summary>
    public static HostawayException Missing() => new(
        ErrorIds.CredentialsMissing, ErrorKind.Authentication, "No Hostaway credentials were given, and none is stored.",
        "Store one for unattended runs with Set-HostawayCredential, pass -Credential (user name = account id, password = API secret), or set HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY.");

    /// <summary>
    /// What a command given no -Credential would use, for display: the source, the account id and where it is kept; never
    /// the secret (a vault is not opened). A stored credential that would be refused is described with its error id.
    /// </summary>
    public static (CredentialSource Source, string Description) Describe(CredentialStore store)
    {
        if (FromEnvironment() is { } environment)
        {
            return (CredentialSource.Environment, $"account {environment.UserName} from {AccountIdVariable} and {ApiKeyVariable}");
        }

        try
        {
            return store.Read() is { } stored
                ? (CredentialSource.Stored, stored.Vault is { } vault ? $"account {stored.AccountId} in the vault '{vault}'" : $"account {stored.AccountId} in '{store.Path}'")
                : (CredentialSource.None, "none: pass -Credential, set the environment variables, or run Set-HostawayCredential");
        }
        catch (HostawayException exception)
        {
            return (CredentialSource.Stored, $"refused ({exception.ErrorId}): {exception.Message}");
        }
    }
}
