using System.Data;
using System.Data.Common;
using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store.Postgres;
using Npgsql;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// A PostgreSQL schema as a copy's source: every read in one REPEATABLE READ, READ ONLY transaction, so the copy sees
/// one snapshot whatever a sync commits meanwhile, and cannot write. Takes no lock.
/// </summary>
internal sealed class PostgresCopySource(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresStoreLocation location) : ICopySource
{
    /// <summary>Opens the snapshot; a missing or empty schema is HostawayDatabaseNotFound, an older one HostawayCopySourceOutdated.</summary>
    public static PostgresCopySource Open(PostgresStoreLocation location) =>
        CopyBatch.OnNewConnection(PostgresConnections.OpenExisting(location.Target), e => AsStoreError(location, e), connection =>
        {
            var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
            connection.Execute("SET TRANSACTION READ ONLY;", transaction: transaction);
            var version = PostgresSchemaVersion.Read(connection, transaction, location.Target);
            return version < PostgresDatabaseInitializer.CurrentSchemaVersion
                ? throw CopyErrors.SourceOutdated(location, version, PostgresDatabaseInitializer.CurrentSchemaVersion)
                : new PostgresCopySource(connection, transaction, location);
        });

    public IReadOnlyList<(string Name, string? PostgresType)> Columns(string table) => PostgresCopyCatalog.Columns(connection, transaction, location.Target, table);

    public long Count(string table) => connection.ExecuteScalar<long>(CopySql.Count(table), transaction: transaction);

    // Sequences stand outside transactions: this is the counter now, which is at least what the snapshot's rows used.
    public long HighestId(CopyTable table) =>
        connection.ExecuteScalar<long?>(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence(@Table, @Column)::regclass);",
            new { Table = table.Name, Column = table.Identity }, transaction) ?? 0;

    public List<object?[]> Read(CopyTable table, IReadOnlyList<CopyColumn> columns, object[]? afterKey, int limit)
    {
        using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        return CopyBatch.Read(command, location, table, columns, afterKey, limit, (value, _) => value, Value);
    }

    public HostawayException? AsStoreError(Exception exception) => AsStoreError(location, exception);

    public void Dispose()
    {
        transaction.Dispose();
        connection.Dispose();
    }

    private static HostawayException? AsStoreError(PostgresStoreLocation location, Exception exception) =>
        exception is NpgsqlException ? PostgresErrors.FromNpgsql(location.Target, exception) : null;

    private static object Value(DbDataReader reader, int ordinal, CopyColumnKind kind) => kind switch
    {
        CopyColumnKind.BigInt => reader.GetInt64(ordinal),
        CopyColumnKind.Integer => reader.GetInt32(ordinal),
        CopyColumnKind.Double => reader.GetDouble(ordinal),
        CopyColumnKind.Numeric => reader.GetDecimal(ordinal),
        CopyColumnKind.Text or CopyColumnKind.Json => reader.GetString(ordinal),
        // Npgsql reads timestamptz as a UTC DateTime.
        CopyColumnKind.Timestamp => reader.GetFieldValue<DateTime>(ordinal),
        CopyColumnKind.Date => reader.GetFieldValue<DateOnly>(ordinal),
        CopyColumnKind.Boolean => reader.GetBoolean(ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A PostgreSQL column has a PostgreSQL type."),
    };
}
