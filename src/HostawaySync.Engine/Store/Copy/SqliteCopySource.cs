using System.Globalization;
using Dapper;
using HostawaySync.Engine.Errors;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// A SQLite database as a copy's source: opened read-only, every read in one deferred read transaction, which in WAL
/// mode is a snapshot of the last commit before its first read, whatever a sync commits meanwhile. Takes no lock.
/// </summary>
internal sealed class SqliteCopySource : ICopySource
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteStoreLocation _location;

    private SqliteCopySource(SqliteConnection connection, SqliteTransaction transaction, SqliteStoreLocation location)
    {
        _connection = connection;
        _transaction = transaction;
        _location = location;
    }

    /// <summary>Opens the snapshot; a missing database is HostawayDatabaseNotFound, an older one HostawayCopySourceOutdated.</summary>
    public static SqliteCopySource Open(SqliteStoreLocation location)
    {
        var connection = StoreConnection.OpenExisting(location.Path);
        try
        {
            var transaction = connection.BeginTransaction(deferred: true);
            // The snapshot starts with the transaction's first read: this one.
            var version = connection.ExecuteScalar<int>("PRAGMA user_version;", transaction: transaction);
            if (version < DatabaseInitializer.CurrentSchemaVersion)
            {
                throw CopyErrors.SourceOutdated(location, version, DatabaseInitializer.CurrentSchemaVersion);
            }

            return new SqliteCopySource(connection, transaction, location);
        }
        catch (SqliteException exception) when (StoreErrors.FromSqlite(location.Path, exception) is { } error)
        {
            connection.Dispose();
            throw error;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public IReadOnlyList<(string Name, string? PostgresType)> Columns(string table) =>
        _connection.Query<string>("SELECT name FROM pragma_table_info(@Table) ORDER BY cid;", new { Table = table }, _transaction)
            .Select(name => (name, (string?)null)).ToList();

    public long Count(string table) => _connection.ExecuteScalar<long>(CopySql.Count(table), transaction: _transaction);

    public long HighestId(CopyTable table) =>
        _connection.ExecuteScalar<long?>("SELECT seq FROM sqlite_sequence WHERE name = @Table;", new { Table = table.Name }, _transaction) ?? 0;

    public List<object?[]> Read(CopyTable table, IReadOnlyList<CopyColumn> columns, object[]? afterKey, int limit)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = CopySql.SelectBatch(table, columns, afterKey is not null);
        command.Parameters.AddWithValue(CopySql.LimitParameter, limit);
        for (var i = 0; afterKey is not null && i < afterKey.Length; i++)
        {
            command.Parameters.AddWithValue(CopySql.KeyParameter(i), CopyValues.ToSqlite(afterKey[i], columns.First(c => c.Name == table.Key[i]).Kind));
        }

        var rows = new List<object?[]>(limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                if (reader.IsDBNull(i))
                {
                    continue;
                }

                var stored = reader.GetValue(i);
                try
                {
                    row[i] = CopyValues.FromSqlite(stored, columns[i].Kind);
                }
                catch (Exception exception) when (exception is FormatException or OverflowException)
                {
                    throw CopyErrors.ValueInvalid(_location, table.Name, columns[i].Name, KeyText(reader, table, columns), exception);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    public HostawayException? AsStoreError(Exception exception) =>
        exception is SqliteException sqlite ? StoreErrors.FromSqlite(_location.Path, sqlite) : null;

    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }

    private static string KeyText(SqliteDataReader reader, CopyTable table, IReadOnlyList<CopyColumn> columns) =>
        string.Join(", ", table.Key.Select(key =>
        {
            var ordinal = columns.Select(c => c.Name).ToList().IndexOf(key);
            return key + " = " + Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
        }));
}
