using System.Management.Automation;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Sync;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Compares the Hostaway API's counts with the local database, per resource, and reports drift.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "HostawaySync", DefaultParameterSetName = ReportSet)]
[OutputType(typeof(HostawaySyncDrift), ParameterSetName = [ReportSet])]
[OutputType(typeof(bool), ParameterSetName = [QuietSet])]
public sealed class TestHostawaySyncCommand : ApiCmdlet
{
    private const string ReportSet = "Report";
    private const string QuietSet = "Quiet";

    /// <summary>Which resources to compare (default: all).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public HostawayResource[]? Resource { get; set; }

    /// <summary>Return only $true (every count agrees) or $false.</summary>
    [Parameter(Mandatory = true, ParameterSetName = QuietSet)]
    public SwitchParameter Quiet { get; set; }

    /// <summary>The SQLite database. Default: the store the settings choose (see Get-HostawayConfiguration); binds from the output of the Get-Hostaway cmdlets.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabasePath { get; set; }

    /// <summary>A PostgreSQL database instead: postgresql://user@host:port/database?schema=name or Host=...;Database=... (binds from the output of the Get-Hostaway cmdlets).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabaseUrl { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var store = ResolveStore(DatabasePath, DatabaseUrl);
        var resources = HostawayResources.ToSyncResources(Resource);
        var options = ClientOptions();
        var log = new CmdletSyncLog(this, StreamWanted("Verbose", "VerbosePreference"), StreamWanted("Debug", "DebugPreference"));
        IReadOnlyList<ResourceDrift> drift;
        try
        {
            drift = RunEngine(token => SyncVerifier.CompareAsync(options, store, resources, log, token));
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }

        var results = drift.Select(d => HostawaySyncDrift.From(d, store)).ToList();
        foreach (var result in results.Where(r => !r.InSync))
        {
            WriteVerbose($"{result.Resource}: {result.Status} (API {result.ApiCount}, database {result.StoredCount}); Invoke-HostawaySync -Reconcile -Resource {result.Resource} reconciles it.");
        }

        if (Quiet)
        {
            WriteObject(results.All(r => r.InSync));
        }
        else
        {
            WriteObject(results, enumerateCollection: true);
        }
    }
}
