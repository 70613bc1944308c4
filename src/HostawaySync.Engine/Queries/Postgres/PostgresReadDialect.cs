using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using HostawaySync.Engine.Store.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace HostawaySync.Engine.Queries.Postgres;

/// <summary>
/// The read side's SQL for a PostgreSQL schema, written to give what the SQLite dialect gives. Case: PostgreSQL's lower()
/// and ILIKE fold every letter the database's locale knows (É to é under en_US.UTF-8, nothing but A-Z under C), SQLite's
/// lower() and LIKE fold A-Z only. The read side folds A-Z only on both stores (lower() under the "C" collation, and the
/// pattern folded here), so a wildcard finds the same rows whichever store and locale: '*émile*' finds 'Émile' on
/// neither. Sorting: NULL first and text by code point, as SQLite sorts. Money: numeric read as double precision, the
/// value SQLite's REAL holds for the same decimal.
/// </summary>
internal sealed class PostgresReadDialect(PostgresTarget target) : ReadDialect
{
    private const int RowBatch = 500;

    private int _cursors;

    public override string HasSearchIndexSql => "SELECT CASE WHEN to_regclass('message_search') IS NULL THEN 0 ELSE 1 END;";

    public override string HasReviewsSql => "SELECT CASE WHEN to_regclass('reviews') IS NULL THEN 0 ELSE 1 END;";

    public override string HasSyncLogPaceSql =>
        "SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('sync_logs') AND attname = 'requests_per_10s' AND NOT attisdropped;";

    public override DbConnection Open()
    {
        UtcDateTimeHandler.EnsureRegistered();
        return PostgresConnections.OpenExisting(target);
    }

    public override DbTransaction BeginSnapshot(DbConnection connection)
    {
        var transaction = ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.RepeatableRead);
        using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY;", (NpgsqlConnection)connection, transaction);
        readOnly.ExecuteNonQuery();
        return transaction;
    }

    /// <summary>
    /// A PostgreSQL connection runs one statement at a time, so the rows come through a cursor of the transaction, a
    /// batch at a time: memory holds one batch, and the caller's other queries run between two batches.
    /// </summary>
    public override IEnumerable<T> Rows<T>(DbConnection connection, DbTransaction transaction, string sql, object parameters)
    {
        var cursor = "hostawaysync_rows_" + (++_cursors).ToString(CultureInfo.InvariantCulture);
        connection.Execute($"DECLARE {cursor} NO SCROLL CURSOR FOR {sql.TrimEnd().TrimEnd(';')};", parameters, transaction);
        while (true)
        {
            var batch = connection.Query<T>($"FETCH FORWARD {RowBatch} FROM {cursor};", transaction: transaction).AsList();
            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < RowBatch)
            {
                yield break;
            }
        }
    }

    public override string In(string expression, string parameter) => $"{expression} = ANY ({parameter})";

    public override object Ids(IReadOnlyList<long> values) => new TypedParameter(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint);

    public override object Texts(IReadOnlyList<string> values) => new TypedParameter(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);

    public override string Lower(string expression) => $"lower({expression} COLLATE \"C\")";

    public override string Like(string expression, string parameter) => $"{Lower(expression)} LIKE {parameter} ESCAPE '\\'";

    public override object Pattern(string wildcard) => new TypedParameter(SqlPatterns.AsciiLower(SqlPatterns.Like(wildcard)), NpgsqlDbType.Text);

    public override object? Instant(DateTime? value) => value is null ? null : new TypedParameter(PostgresClock.Utc(value), NpgsqlDbType.TimestampTz);

    public override object? Date(DateOnly? value) => value is null ? null : TypedParameter.Date(value);

    public override string InstantColumn(string column) => column;

    public override string InstantText(string column) => PostgresClock.Text(column);

    public override string DateText(string column) => PostgresClock.DateText(column);

    public override string Real(string column) => $"CAST({column} AS double precision)";

    public override string Ascending(string expression, bool text = false) => text ? $"{expression} COLLATE \"C\" NULLS FIRST" : $"{expression} NULLS FIRST";

    public override string JsonText(string column, string member) => $"({column} ->> '{member}')";
}
