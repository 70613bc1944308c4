using Dapper;
using HostawaySync.Engine.Errors;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// A SQLite database as a copy's source: opened read-only, every read in one deferred read transaction, which in WAL
/// mode is a snapshot of the last commit before its first read, whatever a sync commits meanwhile. Takes no lock.
/// </summary>
internal sealed class SqliteCopySource(SqliteConnection connection, SqliteTransaction transaction, SqliteStoreLocation location) : ICopySource
{
    /// <summary>Opens the snapshot; a missing database is HostawayDatabaseNotFound, an older one HostawayCopySourceOutdated.</summary>
    public static SqliteCopySource Open(SqliteStoreLocation location) =>
        CopyBatch.OnNewConnection(StoreConnection.OpenExisting(location.Path), e => AsStoreError(location, e), connection =>
        {
            var transaction = connection.BeginTransaction(deferred: true);
            // The snapshot starts with the transaction's first read: this one.
            var version = connection.ExecuteScalar<int>("PRAGMA user_version;", transaction: transaction);
            return version < DatabaseInitializer.CurrentSchemaVersion
                ? throw CopyErrors.SourceOutdated(location, version, DatabaseInitializer.CurrentSchemaVersion)
                : new SqliteCopySource(connection, transaction, location);
        });

    public IReadOnlyList<(string Name, string? PostgresType)> Columns(string table) => Columns(connection, transaction, table);

    public long Count(string table) => connection.ExecuteScalar<long>(CopySql.Count(table), transaction: transaction);

    public long HighestId(CopyTable table) =>
        connection.ExecuteScalar<long?>("SELECT seq FROM sqlite_sequence WHERE name = @Table;", new { Table = table.Name }, transaction) ?? 0;

    public List<object?[]> Read(CopyTable table, IReadOnlyList<CopyColumn> columns, object[]? afterKey, int limit)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        return CopyBatch.Read(command, location, table, columns, afterKey, limit, CopyValues.ToSqlite, (reader, i, kind) => CopyValues.FromSqlite(reader.GetValue(i), kind));
    }

    public HostawayException? AsStoreError(Exception exception) => AsStoreError(location, exception);

    public void Dispose()
    {
        transaction.Dispose();
        connection.Dispose();
    }

    /// <summary>A SQLite table's columns in their order (SQLite's values carry their own type: no PostgreSQL type).</summary>
    internal static IReadOnlyList<(string Name, string? PostgresType)> Columns(SqliteConnection connection, SqliteTransaction transaction, string table) =>
        connection.Query<string>("SELECT name FROM pragma_table_info(@Table) ORDER BY cid;", new { Table = table }, transaction)
            .Select(name => (name, (string?)null)).ToList();

    private static HostawayException? AsStoreError(SqliteStoreLocation location, Exception exception) =>
        exception is SqliteException sqlite ? StoreErrors.FromSqlite(location.Path, sqlite) : null;
}
