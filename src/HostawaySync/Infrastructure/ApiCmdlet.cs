using System.Management.Automation;
using System.Net;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Infrastructure;

/// <summary>Base of the cmdlets that talk to the Hostaway API: credentials and client settings.</summary>
public abstract class ApiCmdlet : AsyncHostawayCmdlet
{
    /// <summary>User name = Hostaway account id, password = API secret. Default: HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>
    /// The client settings: the credential (parameter, else environment) and the BaseUrl and RequestsPer10Seconds
    /// settings. Missing credentials stop the cmdlet with HostawayCredentialsMissing; the secret is never written anywhere.
    /// </summary>
    protected HostawayClientOptions ClientOptions()
    {
        try
        {
            return new HostawayClientOptions { Credential = ResolveCredential(), BaseUrl = Settings.BaseUrl, RequestsPer10Seconds = Settings.RequestsPer10Seconds };
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }
    }

    private NetworkCredential ResolveCredential()
    {
        if (Credential is not null)
        {
            return new NetworkCredential(Credential.UserName, Credential.Password);
        }

        var accountId = Environment.GetEnvironmentVariable("HOSTAWAY_ACCOUNT_ID");
        var secret = Environment.GetEnvironmentVariable("HOSTAWAY_API_KEY");
        if (string.IsNullOrWhiteSpace(accountId) || string.IsNullOrEmpty(secret))
        {
            throw new HostawayException(
                ErrorIds.CredentialsMissing, ErrorKind.Authentication, "No Hostaway credentials were given.",
                "Pass -Credential (user name = account id, password = API secret), or set HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY.");
        }

        return new NetworkCredential(accountId.Trim(), secret);
    }
}
