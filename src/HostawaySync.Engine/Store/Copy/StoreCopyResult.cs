namespace HostawaySync.Engine.Store.Copy;

/// <summary>What a copy did.</summary>
/// <param name="Source">The source as users should see it (never a password).</param>
/// <param name="Destination">The destination as users should see it.</param>
/// <param name="Tables">The tables copied, in copy order, with their rows.</param>
/// <param name="Duration">From opening the source to the commit of the copy (the search index build not included).</param>
/// <param name="ReplacedRows">The rows of HostawaySync data the destination held before and the copy replaced (-Force); 0 when it had none.</param>
/// <param name="SearchIndex">Where the search index is left.</param>
/// <param name="MessagesIndexed">Messages whose text went into the search index after the copy.</param>
/// <param name="SearchIndexDuration">How long building the search index took (zero when it was not built).</param>
public sealed record StoreCopyResult(
    string Source, string Destination, IReadOnlyList<StoreCopyTableCount> Tables, TimeSpan Duration, long ReplacedRows, CopySearchIndex SearchIndex,
    long MessagesIndexed, TimeSpan SearchIndexDuration)
{
    /// <summary>The rows of every table together.</summary>
    public long Rows => Tables.Sum(t => t.Rows);

    /// <summary>Rows copied per second of <see cref="Duration"/>.</summary>
    public double RowsPerSecond => Duration > TimeSpan.Zero ? Rows / Duration.TotalSeconds : 0;
}
