namespace HostawaySync.Engine.Store.Copy;

/// <summary>What a copy would do, read without writing anything (for -WhatIf and the refusal of a non-empty destination).</summary>
/// <param name="Source">The source as users should see it (never a password).</param>
/// <param name="Destination">The destination as users should see it.</param>
/// <param name="Tables">The tables the copy carries, in copy order, with their rows in the source now.</param>
/// <param name="DestinationExists">Whether the destination holds a HostawaySync database already (empty or not).</param>
/// <param name="DestinationRows">The rows in the destination's HostawaySync tables: more than 0 needs -Force.</param>
public sealed record StoreCopyPlan(string Source, string Destination, IReadOnlyList<StoreCopyTableCount> Tables, bool DestinationExists, long DestinationRows)
{
    /// <summary>The rows of every table together.</summary>
    public long Rows => Tables.Sum(t => t.Rows);
}
