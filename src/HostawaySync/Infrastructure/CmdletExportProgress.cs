using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Export;

namespace HostawaySync.Infrastructure;

/// <summary>Write-Progress for an export: one record, a few updates a second, completed at the end.</summary>
internal sealed class CmdletExportProgress
{
    private const int ActivityId = 0x4854;
    private const string Activity = "Exporting training data";
    private static readonly long Interval = Stopwatch.Frequency / 5;
    private readonly AsyncHostawayCmdlet _cmdlet;
    private long _lastWrite;
    private bool _written;

    public CmdletExportProgress(AsyncHostawayCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>Called by the engine after each conversation, on its thread.</summary>
    public void Report(TrainingDataProgress progress)
    {
        var now = Stopwatch.GetTimestamp();
        if (now - _lastWrite < Interval && progress.ConversationsRead < progress.ConversationsTotal)
        {
            return;
        }

        _lastWrite = now;
        _written = true;
        var status = string.Create(CultureInfo.InvariantCulture, $"{progress.ConversationsRead:N0} of {progress.ConversationsTotal:N0} conversations read, {progress.ConversationsWritten:N0} written");
        var percent = progress.ConversationsTotal > 0 ? (int)Math.Min(100, progress.ConversationsRead * 100L / progress.ConversationsTotal) : -1;
        _cmdlet.Post(() => _cmdlet.WriteProgress(new ProgressRecord(ActivityId, Activity, status) { PercentComplete = percent }));
    }

    /// <summary>Completes the record (call from finally on the pipeline thread).</summary>
    public void Complete()
    {
        if (_written)
        {
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
