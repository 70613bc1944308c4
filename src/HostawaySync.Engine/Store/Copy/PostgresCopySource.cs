using System.Data;
using System.Globalization;
using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store.Postgres;
using Npgsql;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// A PostgreSQL schema as a copy's source: every read in one REPEATABLE READ, READ ONLY transaction, so the copy sees
/// one snapshot whatever a sync commits meanwhile, and cannot write. Takes no lock.
/// </summary>
internal sealed class PostgresCopySource : ICopySource
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly PostgresStoreLocation _location;

    private PostgresCopySource(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresStoreLocation location)
    {
        _connection = connection;
        _transaction = transaction;
        _location = location;
    }

    private PostgresTarget Target => _location.Target;

    /// <summary>Opens the snapshot; a missing or empty schema is HostawayDatabaseNotFound, an older one HostawayCopySourceOutdated.</summary>
    public static PostgresCopySource Open(PostgresStoreLocation location)
    {
        var connection = PostgresConnections.OpenExisting(location.Target);
        try
        {
            var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
            connection.Execute("SET TRANSACTION READ ONLY;", transaction: transaction);
            var version = PostgresSchemaVersion.Read(connection, transaction, location.Target);
            if (version < PostgresDatabaseInitializer.CurrentSchemaVersion)
            {
                throw CopyErrors.SourceOutdated(location, version, PostgresDatabaseInitializer.CurrentSchemaVersion);
            }

            return new PostgresCopySource(connection, transaction, location);
        }
        catch (Exception exception) when (exception is NpgsqlException && PostgresErrors.FromNpgsql(location.Target, exception) is { } error)
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

    public IReadOnlyList<(string Name, string? PostgresType)> Columns(string table) => PostgresCopyCatalog.Columns(_connection, _transaction, Target, table);

    public long Count(string table) => _connection.ExecuteScalar<long>(CopySql.Count(table), transaction: _transaction);

    // Sequences stand outside transactions: this is the counter now, which is at least what the snapshot's rows used.
    public long HighestId(CopyTable table) =>
        _connection.ExecuteScalar<long?>(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence(@Table, @Column)::regclass);",
            new { Table = table.Name, Column = table.Identity }, _transaction) ?? 0;

    public List<object?[]> Read(CopyTable table, IReadOnlyList<CopyColumn> columns, object[]? afterKey, int limit)
    {
        using var command = new NpgsqlCommand(CopySql.SelectBatch(table, columns, afterKey is not null), _connection, _transaction);
        command.Parameters.AddWithValue(CopySql.LimitParameter, limit);
        for (var i = 0; afterKey is not null && i < afterKey.Length; i++)
        {
            command.Parameters.AddWithValue(CopySql.KeyParameter(i), afterKey[i]);
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

                try
                {
                    row[i] = Value(reader, i, columns[i].Kind);
                }
                catch (Exception exception) when (exception is InvalidCastException or OverflowException)
                {
                    var key = string.Join(", ", table.Key.Select(k => k + " = " + Convert.ToString(reader.GetValue(reader.GetOrdinal(k)), CultureInfo.InvariantCulture)));
                    throw CopyErrors.ValueInvalid(_location, table.Name, columns[i].Name, key, exception);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    public HostawayException? AsStoreError(Exception exception) => exception is NpgsqlException ? PostgresErrors.FromNpgsql(Target, exception) : null;

    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }

    private static object Value(NpgsqlDataReader reader, int ordinal, CopyColumnKind kind) => kind switch
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
