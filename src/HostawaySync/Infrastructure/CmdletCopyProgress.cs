using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Store.Copy;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Write-Progress for Copy-HostawayDatabase: a parent record for the whole copy (percent of every row), a child record for
/// the table under way (percent of its rows), then one for building the search index; throttled, completed at the end.
/// </summary>
internal sealed class CmdletCopyProgress(AsyncHostawayCmdlet cmdlet)
{
    private const int ActivityId = 0x4855;
    private const int TableActivityId = ActivityId + 1;
    private const string Activity = "Copying the HostawaySync database";
    private static readonly long Interval = Stopwatch.Frequency / 5;
    private long _lastWrite;
    private bool _written;

    /// <summary>Called by the engine after each batch and table, on its thread.</summary>
    public void Report(StoreCopyProgress progress)
    {
        var now = Stopwatch.GetTimestamp();
        if (!progress.Completed && progress.Done > 0 && now - _lastWrite < Interval)
        {
            return;
        }

        _lastWrite = now;
        _written = true;
        var index = progress.IsSearchIndex;
        var overall = string.Create(CultureInfo.InvariantCulture, $"{progress.RowsDone:N0} of {progress.RowsTotal:N0} rows");
        var parent = new ProgressRecord(ActivityId, Activity, index ? overall + "; building the search index" : overall)
        {
            PercentComplete = Percent(progress.RowsDone, progress.RowsTotal),
        };
        var child = new ProgressRecord(
            TableActivityId,
            index ? "Building the search index from the conversation files" : "Copying " + progress.Table,
            string.Create(CultureInfo.InvariantCulture, $"{progress.Done:N0} of {progress.Total:N0} {(index ? "messages" : "rows")}"))
        {
            ParentActivityId = ActivityId,
            PercentComplete = Percent(progress.Done, progress.Total),
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        cmdlet.Post(() =>
        {
            cmdlet.WriteProgress(parent);
            cmdlet.WriteProgress(child);
        });
    }

    /// <summary>Completes the records (call from finally on the pipeline thread).</summary>
    public void Complete()
    {
        if (!_written)
        {
            return;
        }

        try
        {
            cmdlet.WriteProgress(new ProgressRecord(TableActivityId, "Copying", "Done") { ParentActivityId = ActivityId, RecordType = ProgressRecordType.Completed });
            cmdlet.WriteProgress(new ProgressRecord(ActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
        catch (PipelineStoppedException)
        {
            // Ctrl+C: the host no longer shows progress.
        }
    }

    private static int Percent(long done, long total) => total > 0 ? (int)Math.Min(100, done * 100 / total) : 100;
}
