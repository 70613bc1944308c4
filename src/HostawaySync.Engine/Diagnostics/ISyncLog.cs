namespace HostawaySync.Engine.Diagnostics;

/// <summary>
/// Where the engine writes what it does. Implementations must be thread-safe and must only queue work:
/// the cmdlets' implementation hands messages to the pipeline thread. Messages never contain secrets.
/// </summary>
public interface ISyncLog
{
    /// <summary>Whether messages of this level are wanted; callers skip building messages nobody will see.</summary>
    bool IsEnabled(SyncLogLevel level);

    /// <summary>Writes one message.</summary>
    void Write(SyncLogLevel level, string message);
}
