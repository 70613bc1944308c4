using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// The store a copy writes: one transaction on an initialized HostawaySync database whose writer lock the copy holds.
/// Everything written becomes visible at <see cref="Commit"/>, at once; disposed without it, nothing was written.
/// </summary>
internal interface ICopyDestination : IDisposable
{
    /// <summary>A table's columns, with their PostgreSQL type (null in SQLite).</summary>
    IReadOnlyList<(string Name, string? PostgresType)> Columns(string table);

    /// <summary>The rows in the tables a copy fills (not the search index, which follows the messages, nor each store's migration history).</summary>
    long Rows();

    /// <summary>Removes every row of HostawaySync's tables (never the migration history, never another application's tables).</summary>
    void Clear();

    /// <summary>Adds rows (values as <see cref="ICopySource.Read"/> returns them).</summary>
    void Write(CopyTable table, IReadOnlyList<CopyColumn> columns, IReadOnlyList<object?[]> rows);

    /// <summary>Sets the table's <see cref="CopyTable.SelfReference"/> column of the rows with these (single-column) keys.</summary>
    void SetReferences(CopyTable table, IReadOnlyList<(long Key, long Reference)> references);

    /// <summary>Makes the store hand out ids above <paramref name="highest"/> and above every id the table holds.</summary>
    void SetHighestId(CopyTable table, long highest);

    /// <summary>
    /// Leaves the marker that makes the next sync build the search index from the conversation files (see
    /// MessageSearchBuild), with nothing indexed yet; or, when there are no messages, removes any marker.
    /// </summary>
    void RequestSearchIndex(bool messages, string now);

    /// <summary>Builds the review search index from the reviews copied (in the copy's transaction); returns the reviews indexed.</summary>
    int IndexReviews();

    /// <summary>Makes the copy visible.</summary>
    void Commit();

    /// <summary>The user-facing error for a failure of this store, or null when it is not one the user can act on.</summary>
    HostawayException? AsStoreError(Exception exception);
}
