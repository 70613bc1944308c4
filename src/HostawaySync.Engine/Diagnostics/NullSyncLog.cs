namespace HostawaySync.Engine.Diagnostics;

/// <summary>A log that discards everything.</summary>
public sealed class NullSyncLog : ISyncLog
{
    /// <summary>The shared instance (stateless).</summary>
    public static readonly NullSyncLog Instance = new();

    private NullSyncLog()
    {
    }

    /// <inheritdoc />
    public bool IsEnabled(SyncLogLevel level) => false;

    /// <inheritdoc />
    public void Write(SyncLogLevel level, string message)
    {
    }
}
