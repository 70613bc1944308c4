using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Creates the HostawaySync database (a SQLite file or a schema in PostgreSQL), or brings an existing one to the current schema.</para>
/// </summary>
/// <remarks>
/// Two parameter sets, because -DatabasePath also takes pipeline input by value: without them an object that carries a
/// DatabaseUrl would also bind its text form to -DatabasePath.
/// </remarks>
[Cmdlet(VerbsData.Initialize, "HostawayDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
[OutputType(typeof(HostawayDatabaseInfo))]
public sealed class InitializeHostawayDatabaseCommand : HostawayCmdlet
{
    private const string PathSet = "Path";
    private const string UrlSet = "Url";

    /// <summary>Path of the SQLite database file. Default: the store the settings choose (see Get-HostawayConfiguration).</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [Alias("Path", "FullName")]
    [ValidateStoreArgument]
    public string? DatabasePath { get; set; }

    /// <summary>A PostgreSQL database instead: postgresql://user@host:port/database?schema=name or Host=...;Database=....</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UrlSet)]
    [ValidateStoreArgument]
    public string? DatabaseUrl { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var store = ResolveStore(DatabasePath, DatabaseUrl);
        try
        {
            var info = store switch
            {
                PostgresStoreLocation postgres => InitializePostgres(postgres),
                SqliteStoreLocation sqlite => InitializeSqlite(sqlite.Path),
                _ => throw new ArgumentOutOfRangeException(nameof(store), store, "Unknown store location."),
            };
            if (info is not null)
            {
                WriteObject(info);
            }
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
        }
    }

    /// <summary>Creates or upgrades the SQLite file; null under -WhatIf or when declined.</summary>
    private HostawayDatabaseInfo? InitializeSqlite(string path)
    {
        // Validation reads at most the file header, so it runs even under -WhatIf and reports bad paths early.
        var inspection = DatabaseInitializer.Inspect(path);
        if (!Confirm(inspection.Path, inspection.PlannedAction, "database", inspection.SchemaVersion, inspection.TargetSchemaVersion))
        {
            return null;
        }

        var info = DatabaseInitializer.Initialize(inspection.Path, ModuleVersion);
        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0} '{1}' (schema version {2} -> {3}, journal mode {4}).", info.Action, info.Path, info.PreviousSchemaVersion, info.SchemaVersion, info.JournalMode));
        return HostawayDatabaseInfo.From(info);
    }

    /// <summary>Creates or upgrades the PostgreSQL schema; null under -WhatIf or when declined.</summary>
    private HostawayDatabaseInfo? InitializePostgres(PostgresStoreLocation store)
    {
        // Inspecting connects and reads the schema version only (a read-only transaction), so -WhatIf reports a server it
        // cannot reach, a refused login, or a schema it would refuse, and changes nothing.
        var inspection = PostgresSchemaSetup.Inspect(store);
        if (!Confirm(inspection.Url, inspection.PlannedAction, $"schema '{inspection.Schema}'", inspection.SchemaVersion, inspection.TargetSchemaVersion))
        {
            return null;
        }

        var info = PostgresSchemaSetup.Initialize(store, ModuleVersion);
        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0} schema '{1}' of {2} (schema version {3} -> {4}, PostgreSQL {5}).", info.Action, info.Schema, info.Url, info.PreviousSchemaVersion, info.SchemaVersion, info.ServerVersion));
        return HostawayDatabaseInfo.From(info);
    }

    /// <summary>Asks ShouldProcess, describing what initializing would do.</summary>
    private bool Confirm(string target, DatabaseAction planned, string what, int from, int to)
    {
        var action = planned switch
        {
            DatabaseAction.Created => $"Create HostawaySync {what} (schema version {to})",
            DatabaseAction.Upgraded => $"Upgrade HostawaySync {what} from schema version {from} to {to}",
            _ => $"Check HostawaySync {what} (schema version {from} is current)",
        };
        return ShouldProcess(target, action);
    }
}
