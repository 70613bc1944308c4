namespace HostawaySync.Simulator;

/// <summary>What the <c>count</c> of a list envelope says (<see cref="SimulatorSettings.Count"/>).</summary>
public enum CountMode
{
    /// <summary>Every matching row, whatever the page (the documented reading; the default).</summary>
    Total,

    /// <summary>The matching rows from the requested position on, the rows of this page included.</summary>
    Remaining,

    /// <summary>No <c>count</c> at all, and no <c>page</c>/<c>totalPages</c> either.</summary>
    Absent,
}
