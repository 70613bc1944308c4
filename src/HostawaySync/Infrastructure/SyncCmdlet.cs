using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
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
    /// Runs a sync of <paramref name="resources"/>. <paramref name="explicitMode"/> null chooses from the settings:
    /// full when nothing was synced yet (SyncFullOnStart), then incremental (SyncIncrementalDaily) or full.
    /// <paramref name="ifDue"/> skips the run when the last successful sync is younger than SyncIntervalHours.
    /// </summary>
    protected void RunSync(SyncMode? explicitMode, SyncResources resources, bool ifDue)
    {
        var choice = ResolveStoreChoice(DatabasePath, DatabaseUrl);
        var store = choice.Location;
        var conversationsPath = ResolveConversationsPath(ConversationsPath);
        var settings = Settings;
        var summary = ReadSummary(store);
        if (ifDue && summary?.LastSuccessAt is { } last && DateTime.UtcNow - last < settings.SyncInterval)
        {
            WriteVerbose(string.Format(
                CultureInfo.InvariantCulture,
                "Not due: the last successful sync finished at {0:yyyy-MM-dd HH:mm:ss} UTC, less than {1} hours ago (SyncIntervalHours). Nothing to do.",
                last,
                settings.SyncInterval.TotalHours));
            return;
        }

        var mode = explicitMode ?? AutomaticMode(summary, settings.SyncFullOnStart, settings.SyncIncrementalDaily);
        var planned = mode ?? (summary is { EverSynced: true } ? SyncMode.Incremental : SyncMode.Full);
        if (!ShouldProcess(store.Display, Plan(planned, resources, summary, settings.RequestsPer10Seconds, settings.BaseUrl)))
        {
            return;
        }

        var options = new SyncOptions
        {
            Store = store,
            ConversationsPath = conversationsPath,
            Client = ClientOptions(),
            Mode = mode,
            Resources = resources,
            StorePhotoMetadata = settings.StorePhotoMetadata,
            IncrementalOverlap = settings.IncrementalOverlap,
            ModuleVersion = ModuleVersion,
        };
        WriteVerbose($"Store {store.Display} ({choice.Reason}).");
        WriteVerbose(string.Format(
            CultureInfo.InvariantCulture,
            "Mode {0} ({1}); budget {2} requests per 10 s; API {3}; conversations in '{4}'.",
            planned,
            explicitMode is null ? "chosen from the settings SyncFullOnStart and SyncIncrementalDaily" : "asked for",
            options.Client.RequestsPer10Seconds,
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

    /// <summary>Whether the database has stored any listing yet (the per-resource cmdlets sync listings first when not).</summary>
    protected bool HasListings() => ReadSummary(ResolveStore(DatabasePath, DatabaseUrl)) is { Listings: > 0 };

    /// <summary>What the store holds, or null when it holds no HostawaySync database yet; a store that cannot be read at all stops the cmdlet.</summary>
    private StoreSummary? ReadSummary(StoreLocation store)
    {
        try
        {
            return StoreSummary.TryRead(store);
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }
    }

    private SyncMode? AutomaticMode(StoreSummary? summary, bool fullOnStart, bool incrementalAfterwards)
    {
        if (summary is not { EverSynced: true })
        {
            if (!fullOnStart)
            {
                ThrowTerminating(new HostawayException(
                    ErrorIds.FullSyncRequired, ErrorKind.InvalidArgument,
                    "Nothing has been synced into this database yet, and the setting SyncFullOnStart is off, so no full sync starts on its own.",
                    "Run the first sync explicitly with -Full, or turn the setting on: Set-HostawayConfiguration -SyncFullOnStart $true."));
            }

            return null;
        }

        // Null lets the engine run each resource incrementally, or in full if that resource was never synced.
        return incrementalAfterwards ? null : SyncMode.Full;
    }

    private static string Plan(SyncMode mode, SyncResources resources, StoreSummary? summary, int budget, Uri baseUrl)
    {
        static long Pages(long items) => Math.Max(1, (items + 99) / 100);
        string estimate;
        if (summary is null)
        {
            estimate = "the account size is unknown until the first sync (about one request per 100 listings, reservations and conversations, plus one per conversation)";
        }
        else
        {
            var requests = mode == SyncMode.Full
                ? (resources.HasFlag(SyncResources.Listings) ? Pages(summary.Listings) : 0)
                    + (resources.HasFlag(SyncResources.Reservations) ? Pages(summary.Reservations) : 0)
                    + (resources.HasFlag(SyncResources.Conversations) ? Pages(summary.Conversations) + summary.Conversations : 0)
                : (resources.HasFlag(SyncResources.Listings) ? Pages(summary.Listings) : 0) + 2;
            var seconds = requests * 10.0 / budget;
            estimate = string.Format(
                CultureInfo.InvariantCulture,
                "about {0:N0} requests{1}, {2} at {3} requests per 10 s",
                requests,
                mode == SyncMode.Incremental ? " plus about 2 per reservation with new activity" : string.Empty,
                seconds < 90 ? $"{Math.Ceiling(seconds)} s" : $"{Math.Ceiling(seconds / 60)} min",
                budget);
        }

        var names = string.Join(", ", new[] { SyncResources.Listings, SyncResources.Reservations, SyncResources.Conversations }.Where(r => resources.HasFlag(r)));
        return string.Format(CultureInfo.InvariantCulture, "{0} sync of {1} from {2}: {3}", mode, names, baseUrl, estimate);
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
