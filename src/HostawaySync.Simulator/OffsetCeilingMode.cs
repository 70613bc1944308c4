namespace HostawaySync.Simulator;

/// <summary>What an offset at or past <see cref="SimulatorSettings.OffsetCeiling"/> gets.</summary>
public enum OffsetCeilingMode
{
    /// <summary>An empty <c>result</c> in the normal envelope.</summary>
    Empty,

    /// <summary>HTTP 400 <c>{"status":"fail","result":"Offset must be lower than N."}</c>.</summary>
    Error,
}
