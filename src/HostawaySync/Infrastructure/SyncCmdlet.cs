using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Sync;
using HostawaySync.Output;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Base of the cmdlets that run a sync (Invoke-HostawaySync and the per-resource Sync- cmdlets): credentials, paths,
/// the automatic choice of mode from the settings, the -WhatIf plan, and the run itself with progress, verbose
/// output, Ctrl+C and error translation.
/// </summary>
public abstract class SyncCmdlet : ApiCmdlet
{
    /// <summary>The SQLite database. Default: the store the settings choose (see Get-HostawayConfiguration).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabasePath { get; set; }

    /// <summary>A PostgreSQL database instead: postgresql://user@host:port/database?schema=name or Host=...;Database=....</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabaseUrl { get; set; }

    /// <summary>Root of the conversation text files. Default: the ConversationsPath setting.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ConversationsPath { get; set; }

    /// <summary>
    /// Runs a sync of <paramref name="resources"/> as <see cref="SyncPlanner"/> plans it from the settings and the store's
    /// state: <paramref name="explicitMode"/> null chooses the mode from the settings (SyncFullOnStart,
    /// SyncIncrementalDaily, ReconcileIntervalHours); <paramref name="ifDue"/> skips the run when the last successful sync
    /// is younger than SyncIntervalHours; <paramref name="withPrerequisites"/> adds what the resources need (listings into
    /// an empty database, reservations with conversations). -WhatIf shows the plan, and the run executes it.
    /// </summary>
    protected void RunSync(SyncMode? explicitMode, SyncResources resources, bool ifDue, bool withPrerequisites = false)
    {
        var choice = ResolveStoreChoice(DatabasePath, DatabaseUrl);
        var store = choice.Location;
        var conversationsPath = ResolveConversationsPath(ConversationsPath);
        var settings = Settings;
        SyncPlan plan;
        try
        {
            var request = SyncRequest.FromSettings(settings, explicitMode, resources) with { IfDue = ifDue, WithPrerequisites = withPrerequisites, RequestsPer10Seconds = RequestBudget() };
            plan = SyncPlanner.Plan(store, request, DateTime.UtcNow);
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }

        if (!plan.Due)
        {
            WriteVerbose(plan.Reason);
            return;
        }

        if (!ShouldProcess(store.Display, plan.Describe(settings.BaseUrl)))
        {
            return;
        }

        var options = new SyncOptions
        {
            Store = store,
            ConversationsPath = conversationsPath,
            Client = ClientOptions(),
            Plan = plan,
            StorePhotoMetadata = settings.StorePhotoMetadata,
            IncrementalOverlap = settings.IncrementalOverlap,
            ReviewWindow = settings.ReviewWindow,
            ModuleVersion = ModuleVersion,
        };
        WriteVerbose($"Store {store.Display} ({choice.Reason}).");
        WriteVerbose(string.Format(
            CultureInfo.InvariantCulture,
            "Mode {0} ({1}): {2}; request budget {3}; API {4}; conversations in '{5}'.",
            plan.Mode,
            plan.Reason,
            string.Join(", ", plan.Steps.Select(s => $"{s.Resource} {s.Mode} ({s.Reason})")),
            options.Client.RequestsPer10Seconds is { } budget ? budget.ToString(CultureInfo.InvariantCulture) + " per 10 s" : "auto",
            options.Client.BaseUrl,
            conversationsPath));
        var progress = new CmdletSyncProgress(this);
        var log = new CmdletSyncLog(this, StreamWanted("Verbose", "VerbosePreference"), StreamWanted("Debug", "DebugPreference"));
        SyncRunResult result;
        try
        {
            result = RunEngine(token => SyncRunner.RunAsync(options, log, progress, token));
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }
        finally
        {
            CompleteProgress(progress);
        }

        if (result.Status == SyncStatus.Cancelled)
        {
            return;
        }

        WriteObject(HostawaySyncResult.From(result, store));
        if (result.Error is { } error)
        {
            // A run that could not talk to the API or the store at all stops the script; a partial run reports and goes on.
            if (result.Status == SyncStatus.Failed)
            {
                ThrowTerminating(error);
            }

            WriteError(ErrorRecordFactory.Create(error));
        }
    }

    private static void CompleteProgress(CmdletSyncProgress progress)
    {
        try
        {
            progress.CompleteAll();
        }
        catch (PipelineStoppedException)
        {
            // Ctrl+C: the host no longer shows progress.
        }
    }
}
