namespace HostawaySync.Engine.Store.Copy;

/// <summary>How far a copy is: the table under way, and the whole copy.</summary>
/// <param name="Table">The table being copied, or message_search while the search index is built from the files.</param>
/// <param name="Done">Rows of that table copied (messages indexed, for message_search).</param>
/// <param name="Total">Rows of that table in the source (messages to index).</param>
/// <param name="RowsDone">Rows of every table copied so far.</param>
/// <param name="RowsTotal">Rows of every table in the source.</param>
/// <param name="Completed">The table (or the index) is done.</param>
public sealed record StoreCopyProgress(string Table, long Done, long Total, long RowsDone, long RowsTotal, bool Completed)
{
    /// <summary>Whether this reports the search index being built (after every table is copied) rather than a table.</summary>
    public bool IsSearchIndex => Table == CopyCatalog.SearchTable;
}
