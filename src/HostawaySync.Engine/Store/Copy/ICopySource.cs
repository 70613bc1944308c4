using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// The store a copy reads: one consistent snapshot (a read transaction) of an existing HostawaySync database at the
/// current schema version, from the moment it opens until it is disposed. Nothing is ever written through it.
/// </summary>
internal interface ICopySource : IDisposable
{
    /// <summary>A table's columns in the store's order, with their PostgreSQL type (null in SQLite, whose values pass as they are stored).</summary>
    IReadOnlyList<(string Name, string? PostgresType)> Columns(string table);

    /// <summary>The rows of a table.</summary>
    long Count(string table);

    /// <summary>The highest id the store has handed out for the table's <see cref="CopyTable.Identity"/> column (0 when none).</summary>
    long HighestId(CopyTable table);

    /// <summary>
    /// Up to <paramref name="limit"/> rows in key order, after the row whose key values are <paramref name="afterKey"/>
    /// (from the start when null), each value converted to its kind's CLR value (<see cref="CopyValues"/>; null for NULL).
    /// </summary>
    /// <exception cref="HostawayException">HostawayCopyValueInvalid: a value its kind cannot hold.</exception>
    List<object?[]> Read(CopyTable table, IReadOnlyList<CopyColumn> columns, object[]? afterKey, int limit);

    /// <summary>The user-facing error for a failure of this store, or null when it is not one the user can act on.</summary>
    HostawayException? AsStoreError(Exception exception);
}
