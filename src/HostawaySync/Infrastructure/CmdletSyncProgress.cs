using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Sync;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Write-Progress for a sync: one parent record for the run and a child per resource, with a percentage only
/// when the API reported a total; updates are throttled, and every record is completed at the end.
/// </summary>
internal sealed class CmdletSyncProgress : ISyncProgress
{
    private const int RunActivityId = 0x4853;
    private static readonly long Interval = Stopwatch.Frequency / 5;
    private readonly AsyncHostawayCmdlet _cmdlet;
    private readonly Dictionary<SyncResources, long> _lastWrite = [];
    private readonly HashSet<SyncResources> _open = [];
    private readonly object _gate = new();

    public CmdletSyncProgress(AsyncHostawayCmdlet cmdlet) => _cmdlet = cmdlet;

    public void Report(SyncProgressUpdate update)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (!update.Completed && _lastWrite.TryGetValue(update.Resource, out var last) && now - last < Interval)
            {
                return;
            }

            _lastWrite[update.Resource] = now;
            if (update.Completed)
            {
                _open.Remove(update.Resource);
            }
            else
            {
                _open.Add(update.Resource);
            }
        }

        var record = new ProgressRecord(ActivityId(update.Resource), $"Syncing {update.Resource}", Status(update))
        {
            ParentActivityId = RunActivityId,
            RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            PercentComplete = update.Total is > 0 && !update.Completed ? (int)Math.Min(100, update.Done * 100 / update.Total.Value) : -1,
        };
        _cmdlet.Post(() =>
        {
            _cmdlet.WriteProgress(new ProgressRecord(RunActivityId, "Hostaway sync", $"{update.Resource}: {update.Activity}"));
            _cmdlet.WriteProgress(record);
        });
    }

    /// <summary>Completes every record still open (call from finally on the pipeline thread).</summary>
    public void CompleteAll()
    {
        List<SyncResources> open;
        lock (_gate)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var resource in open)
        {
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId(resource), $"Syncing {resource}", "Done") { ParentActivityId = RunActivityId, RecordType = ProgressRecordType.Completed });
        }

        _cmdlet.WriteProgress(new ProgressRecord(RunActivityId, "Hostaway sync", "Done") { RecordType = ProgressRecordType.Completed });
    }

    private static int ActivityId(SyncResources resource) => RunActivityId + (int)resource;

    private static string Status(SyncProgressUpdate update) => update.Total is { } total
        ? string.Create(CultureInfo.InvariantCulture, $"{update.Activity}: {update.Done:N0} of {total:N0}")
        : string.Create(CultureInfo.InvariantCulture, $"{update.Activity}: {update.Done:N0}");
}
