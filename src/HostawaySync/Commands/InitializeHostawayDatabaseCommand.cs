using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Creates the HostawaySync SQLite database, or brings an existing one to the current schema.</para>
/// </summary>
[Cmdlet(VerbsData.Initialize, "HostawayDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(HostawayDatabaseInfo))]
public sealed class InitializeHostawayDatabaseCommand : HostawayCmdlet
{
    /// <summary>Path of the database file. Default: HOSTAWAY_DATABASE_PATH, else the per-user data folder.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Path", "FullName")]
    [ValidateNotNullOrEmpty]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var path = ResolveDatabasePath(DatabasePath);
        try
        {
            // Validation reads at most the file header, so it runs even under -WhatIf and reports bad paths early.
            var inspection = DatabaseInitializer.Inspect(path);
            if (!ShouldProcess(inspection.Path, Describe(inspection)))
            {
                return;
            }

            var info = DatabaseInitializer.Initialize(inspection.Path, ModuleVersion);
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0} '{1}' (schema version {2} -> {3}, journal mode {4}).", info.Action, info.Path, info.PreviousSchemaVersion, info.SchemaVersion, info.JournalMode));
            WriteObject(new HostawayDatabaseInfo(
                info.Path, info.SchemaVersion, info.PreviousSchemaVersion, info.Action.ToString(), [.. info.Tables], info.JournalMode, info.SqliteVersion, info.SizeBytes));
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
        }
    }

    private static string Describe(DatabaseInspection inspection) => inspection.PlannedAction switch
    {
        DatabaseAction.Created => $"Create HostawaySync database (schema version {inspection.TargetSchemaVersion})",
        DatabaseAction.Upgraded => $"Upgrade HostawaySync database from schema version {inspection.SchemaVersion} to {inspection.TargetSchemaVersion}",
        _ => $"Check HostawaySync database (schema version {inspection.SchemaVersion} is current)",
    };
}
