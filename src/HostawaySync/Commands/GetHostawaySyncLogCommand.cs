using System.Management.Automation;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Queries;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets the sync log: one entry per sync run and per resource of it, newest first.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "HostawaySyncLog")]
[OutputType(typeof(HostawaySyncLogEntry))]
public sealed class GetHostawaySyncLogCommand : HostawayCmdlet
{
    /// <summary>Only this run (binds from Invoke-HostawaySync output).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? RunId { get; set; }

    /// <summary>Only these entries: Run (whole runs), Listings, Reservations, Conversations, Reviews.</summary>
    [Parameter]
    [ValidateSet("Run", "Listings", "Reservations", "Conversations", "Reviews", IgnoreCase = true)]
    public string[]? Resource { get; set; }

    /// <summary>Only these statuses.</summary>
    [Parameter]
    [ValidateSet("Running", "Succeeded", "Partial", "Failed", "Cancelled", IgnoreCase = true)]
    public string[]? Status { get; set; }

    /// <summary>Only runs started at or after this time.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only the most recent N runs.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Last { get; set; }

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
        var since = Since is { } value ? (value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Local) : value).ToUniversalTime() : (DateTime?)null;
        try
        {
            foreach (var entry in StoreReader.SyncLog(store, new SyncLogFilter(RunId, Resource, Status, since, Last)))
            {
                WriteObject(new HostawaySyncLogEntry
                {
                    Id = entry.Id, RunId = entry.RunId, Resource = entry.Resource, Mode = entry.Mode, Status = entry.Status, StartedAt = entry.StartedAt,
                    FinishedAt = entry.FinishedAt, Duration = entry.Duration, Created = entry.Created, Updated = entry.Updated, Unchanged = entry.Unchanged,
                    Deleted = entry.Deleted, Requests = entry.Requests, Retries = entry.Retries, RateLimited = entry.RateLimited, ErrorId = entry.ErrorId,
                    ErrorMessage = entry.ErrorMessage, CursorBefore = entry.CursorBefore, CursorAfter = entry.CursorAfter, ModuleVersion = entry.ModuleVersion,
                    RequestsPer10Seconds = entry.RequestsPer10Seconds, RateLimitSource = entry.RateLimitSource,
                }.StoredIn(store));
            }
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
        }
    }
}
