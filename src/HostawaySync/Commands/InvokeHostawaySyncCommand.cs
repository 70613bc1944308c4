using System.Globalization;
using System.Management.Automation;
using System.Net;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Syncs a Hostaway account into the local SQLite database: full or incremental.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "HostawaySync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = AutoSet)]
[OutputType(typeof(HostawaySyncResult))]
public sealed class InvokeHostawaySyncCommand : AsyncHostawayCmdlet
{
    private const string AutoSet = "Auto";
    private const string FullSet = "Full";
    private const string IncrementalSet = "Incremental";
    private const double DefaultSyncIntervalHours = 24;

    /// <summary>Fetch everything and reconcile deletions.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FullSet)]
    public SwitchParameter Full { get; set; }

    /// <summary>Fetch only what changed since the last sync.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IncrementalSet)]
    public SwitchParameter Incremental { get; set; }

    /// <summary>Which resources to sync (default: all).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public HostawayResource[]? Resource { get; set; }

    /// <summary>Do nothing when the last successful sync is younger than the sync interval (24 hours).</summary>
    [Parameter]
    public SwitchParameter IfDue { get; set; }

    /// <summary>User name = Hostaway account id, password = API secret. Default: HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The database. Default: HOSTAWAY_DATABASE_PATH, else the per-user data folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabasePath { get; set; }

    /// <summary>Root of the conversation text files. Default: HOSTAWAY_CONVERSATIONS_PATH, else the per-user data folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ConversationsPath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var databasePath = ResolveDatabasePath(DatabasePath);
        var conversationsPath = ResolveFileSystemPath(DataPaths.ResolveConversationsPath(ConversationsPath), ErrorIds.ConfigurationInvalid);
        var summary = StoreSummary.TryRead(databasePath);
        SyncMode? mode = Full ? SyncMode.Full : Incremental ? SyncMode.Incremental : null;
        var effectiveMode = mode ?? (summary is { EverSynced: true } ? SyncMode.Incremental : SyncMode.Full);
        var resources = Resources();
        var budget = Guard(() => HostawayClientOptions.RequestsPer10SecondsFromEnvironment() ?? HostawayClientOptions.DefaultRequestsPer10Seconds);
        var baseUrl = Guard(() => HostawayClientOptions.BaseUrlFromEnvironment() ?? HostawayClientOptions.DefaultBaseUrl);

        if (IfDue && summary?.LastSuccessAt is { } last && DateTime.UtcNow - last < TimeSpan.FromHours(DefaultSyncIntervalHours))
        {
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Not due: the last successful sync finished at {0:yyyy-MM-dd HH:mm:ss} UTC, less than {1} hours ago. Nothing to do.", last, DefaultSyncIntervalHours));
            return;
        }

        if (!ShouldProcess(databasePath, Plan(effectiveMode, resources, summary, budget, baseUrl)))
        {
            return;
        }

        var options = new SyncOptions
        {
            DatabasePath = databasePath,
            ConversationsPath = conversationsPath,
            Client = new HostawayClientOptions { Credential = Guard(ResolveCredential), BaseUrl = baseUrl, RequestsPer10Seconds = budget },
            Mode = mode,
            Resources = resources,
            ModuleVersion = ModuleVersion,
        };
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

        WriteObject(Map(result, databasePath));
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

    private static HostawaySyncResult Map(SyncRunResult result, string databasePath) => new()
    {
        RunId = result.RunId,
        Status = result.Status.ToString(),
        Mode = result.Mode.ToString(),
        StartedAt = result.StartedAt,
        Duration = result.Duration,
        Created = result.Resources.Sum(r => r.Created),
        Updated = result.Resources.Sum(r => r.Updated),
        Unchanged = result.Resources.Sum(r => r.Unchanged),
        Deleted = result.Resources.Sum(r => r.Deleted),
        Messages = result.Resources.Sum(r => r.Messages),
        Requests = result.Api.Requests,
        Retries = result.Api.Retries,
        RateLimited = result.Api.RateLimited,
        ErrorId = result.Error?.ErrorId,
        ErrorMessage = result.Error?.Message,
        DatabasePath = databasePath,
        Resources = [.. result.Resources.Select(r => new HostawayResourceSyncResult
        {
            Resource = r.Resource.ToString(), Mode = r.Mode.ToString(), Status = r.Status.ToString(), Created = r.Created, Updated = r.Updated,
            Unchanged = r.Unchanged, Deleted = r.Deleted, Messages = r.Messages, Requests = r.Requests, Retries = r.Retries,
            RateLimited = r.RateLimited, Duration = r.Duration, ErrorId = r.ErrorId, ErrorMessage = r.ErrorMessage,
        })],
    };

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

    private SyncResources Resources()
    {
        if (Resource is null)
        {
            return SyncResources.All;
        }

        var resources = SyncResources.None;
        foreach (var resource in Resource)
        {
            resources |= resource switch
            {
                HostawayResource.Listings => SyncResources.Listings,
                HostawayResource.Reservations => SyncResources.Reservations,
                _ => SyncResources.Conversations,
            };
        }

        return resources;
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

    private T Guard<T>(Func<T> resolve)
    {
        try
        {
            return resolve();
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
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
