namespace HostawaySync.Engine.Store.Copy;

/// <summary>A table a copy carries and its rows.</summary>
/// <param name="Table">The table's name (alike in both stores).</param>
/// <param name="Rows">Its rows in the source's snapshot.</param>
public sealed record StoreCopyTableCount(string Table, long Rows);
