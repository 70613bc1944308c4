using System.Management.Automation;
using System.Management.Automation.Host;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Stores the Hostaway credential for the current user, for runs that get no -Credential (scheduled jobs).</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "HostawayCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(HostawayStoredCredential))]
public sealed class SetHostawayCredentialCommand : CredentialCmdlet
{
    /// <summary>User name = Hostaway account id, password = API secret. Omitted: prompted for (fails in a non-interactive session).</summary>
    [Parameter(Position = 0)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>Keep the secret in this SecretManagement vault instead of the per-user file (which then names the vault).</summary>
    [Parameter]
    [ValidateNotWhiteSpace]
    public string? Vault { get; set; }

    /// <summary>Return the stored credential (never its secret).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var credential = Credential ?? Prompt();
        var accountId = credential.UserName?.Trim();
        if (string.IsNullOrEmpty(accountId) || credential.Password is null || credential.Password.Length == 0)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(
                ErrorIds.CredentialsMissing, ErrorCategory.InvalidArgument, "The credential needs a user name (the Hostaway account id) and a password (its API secret).",
                "Give both, for example Set-HostawayCredential -Credential (Get-Credential -UserName 12345).", null));
        }

        var target = Vault is null ? Store.Path : $"the SecretManagement vault '{Vault}' (named in '{Store.Path}')";
        Run(() =>
        {
            var previous = Store.Read();
            if (!ShouldProcess(target, $"Store the Hostaway credential of account {accountId}"))
            {
                return;
            }

            var stored = new StoredCredential
            {
                AccountId = accountId!,
                Secret = Vault is null ? credential.GetNetworkCredential().Password : null,
                SetAt = DateTimeOffset.UtcNow,
                Vault = Vault,
                Protection = Vault is null ? SecretProtection.Scheme : "Vault",
            };
            if (Vault is not null)
            {
                SecretVault.Set(this, stored.VaultSecretName, credential.Password!, Vault);
            }

            Store.Save(stored);
            if (previous is not null)
            {
                if (previous.Vault is not null && (previous.Vault != Vault || previous.AccountId != accountId))
                {
                    RemoveVaultSecret(previous);
                }

                RevokeAndForgetKeptAccessToken(previous.AccountId);
            }

            if (PassThru)
            {
                WriteObject(HostawayStoredCredential.From(stored, Store.Path));
            }
        });
    }

    /// <summary>Asks for the credential as Get-Credential does; in a non-interactive session that fails at once with HostawayCredentialsMissing.</summary>
    private PSCredential Prompt()
    {
        PSCredential? answer = null;
        Exception? failure = null;
        try
        {
            answer = Host.UI.PromptForCredential(
                "Hostaway credential", "User name: your Hostaway account id. Password: its API secret.", string.Empty, string.Empty,
                PSCredentialTypes.Generic, PSCredentialUIOptions.None);
        }
        catch (Exception exception) when (exception is PSInvalidOperationException or HostException or NotImplementedException or InvalidOperationException)
        {
            failure = exception;
        }

        if (answer is null)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(
                ErrorIds.CredentialsMissing, ErrorCategory.InvalidOperation,
                failure is null ? "No credential was entered." : $"No credential was given, and this session cannot prompt for one: {failure.Message}",
                "Pass -Credential: Set-HostawayCredential -Credential $credential (user name = account id, password = API secret).", null, failure));
        }

        return answer!;
    }
}
