namespace HostawaySync.Engine.Diagnostics;

/// <summary>How important an engine log message is. The cmdlets map Trace to Debug, Debug/Information to Verbose and Warning to Warning.</summary>
public enum SyncLogLevel
{
    /// <summary>Request-level detail.</summary>
    Trace,

    /// <summary>Decisions and waits.</summary>
    Debug,

    /// <summary>Progress a user wants to see with -Verbose.</summary>
    Information,

    /// <summary>Something went wrong but the run goes on.</summary>
    Warning,
}
