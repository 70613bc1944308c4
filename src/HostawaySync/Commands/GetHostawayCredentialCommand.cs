using System.Management.Automation;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets the stored Hostaway credential: the account id, where it is kept and when it was set; never the secret.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "HostawayCredential")]
[OutputType(typeof(HostawayStoredCredential))]
public sealed class GetHostawayCredentialCommand : CredentialCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord() => Run(() =>
    {
        if (Store.Read() is { } stored)
        {
            WriteObject(HostawayStoredCredential.From(stored, Store.Path));
        }
        else
        {
            WriteVerbose($"No credential is stored in '{Store.Path}'. The commands use: {CredentialResolution.Describe(Store).Description}.");
        }
    });
}
