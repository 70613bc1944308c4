namespace HostawaySync.Engine.Sync;

/// <summary>Receives progress from a run. Called from worker threads: implementations must only queue.</summary>
public interface ISyncProgress
{
    /// <summary>One update.</summary>
    void Report(SyncProgressUpdate update);
}
