using System.Management.Automation;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;

namespace HostawaySync.Infrastructure;

/// <summary>Base of the cmdlets that talk to the Hostaway API: credentials and client settings.</summary>
public abstract class ApiCmdlet : AsyncHostawayCmdlet
{
    /// <summary>
    /// User name = Hostaway account id, password = API secret. Default: HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY, then the
    /// credential stored with Set-HostawayCredential.
    /// </summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>
    /// Requests per 10 seconds for this run: a number from 1 to 1000, obeyed exactly (no discovery), or auto (find the
    /// account's limit). Default: the RequestsPer10Seconds setting.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? RequestsPer10Seconds { get; set; }

    /// <summary>The request budget in effect: the -RequestsPer10Seconds parameter, else the setting; null for auto.</summary>
    /// <exception cref="HostawayException">HostawayConfigurationInvalid: the parameter is neither auto nor 1 to 1000.</exception>
    protected int? RequestBudget() => RequestsPer10Seconds is null
        ? Settings.RequestsPer10Seconds
        : SettingCatalog.Find(SettingCatalog.RequestsPer10Seconds)!.Convert(RequestsPer10Seconds, "the parameter -RequestsPer10Seconds") as int?;

    /// <summary>
    /// The client settings: the credential (see <see cref="CredentialResolution"/>: parameter, environment, stored) and the
    /// BaseUrl and RequestsPer10Seconds settings. Missing credentials stop the cmdlet with HostawayCredentialsMissing, a stored
    /// credential that cannot be used with its own id (HostawaySecretFileShared...); the secret is never written anywhere.
    /// </summary>
    /// <remarks>
    /// The access token is kept between runs (<see cref="FileAccessTokenStore"/>, next to the stored credential) when the
    /// credential comes from the environment or the store: the unattended runs, so a scheduled job reuses one token instead
    /// of minting one per run. An explicit -Credential gets no token store: it is the one-off path (another account or a
    /// secret being tried), so it is always checked against the API rather than passing on a token kept from another run,
    /// it never replaces the token the scheduled job keeps, and its token is revoked when the run ends. The kept token is
    /// tied to the secret it was minted with, so a changed HOSTAWAY_API_KEY or stored secret mints a new one.
    /// </remarks>
    protected HostawayClientOptions ClientOptions()
    {
        try
        {
            var store = new CredentialStore();
            var (credential, source) = CredentialResolution.Resolve(this, Credential, store);
            var tokens = source == CredentialSource.Parameter ? null : new FileAccessTokenStore(secret: credential.Password);
            var options = new HostawayClientOptions
            {
                Credential = credential,
                TokenStore = tokens,
                BaseUrl = Settings.BaseUrl,
                RequestsPer10Seconds = RequestBudget(),
            };
            if (tokens?.TakeStale(credential.UserName) is { } stale)
            {
                RevokeStaleToken(options, stale);
            }

            return options;
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }
    }

    /// <summary>
    /// Revokes the token kept from before the secret changed: the run mints a new one, and the old one must not stay live
    /// (at most one token this module minted per account). A failed revocation is a warning; the run goes on.
    /// </summary>
    private void RevokeStaleToken(HostawayClientOptions options, string stale)
    {
        try
        {
            RunEngine(async cancellation =>
            {
                await HostawayClient.RevokeAccessTokenAsync(options, stale, cancellation).ConfigureAwait(false);
                return true;
            });
            WriteVerbose("The access token kept from before the API secret changed is revoked.");
        }
        catch (HostawayException exception)
        {
            WriteWarning($"The access token kept from before the API secret changed could not be revoked ({exception.Message}); it stays valid at Hostaway until it expires.");
        }
    }
}
