using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// A PostgreSQL schema as a copy's destination: one transaction for the whole copy, rows sent with binary COPY. Other
/// sessions keep seeing what the schema held before until the commit; a copy that stops before it (killed, cancelled,
/// the connection lost) is rolled back by the server, and nothing of it remains.
/// </summary>
internal sealed class PostgresCopyDestination(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresTarget target) : ICopyDestination
{
    /// <summary>Opens the (initialized) schema and begins the copy's transaction.</summary>
    /// <remarks>Unpooled: a connection given back to a pool mid-transaction after a failure would carry it to its next user.</remarks>
    public static PostgresCopyDestination Open(PostgresTarget target) =>
        CopyBatch.OnNewConnection(
            PostgresConnections.Open(target, pooling: false), e => AsStoreError(target, e),
            connection => new PostgresCopyDestination(connection, connection.BeginTransaction(), target));

    /// <summary>
    /// The rows in HostawaySync's tables of the schema, read without writing; null when the schema holds no HostawaySync
    /// database yet. A foreign or newer schema throws the initializer's errors.
    /// </summary>
    public static long? ExistingRows(PostgresTarget target)
    {
        try
        {
            using var connection = PostgresConnections.Open(target);
            using var transaction = connection.BeginTransaction();
            connection.Execute("SET TRANSACTION READ ONLY;", transaction: transaction);
            if (PostgresSchemaVersion.Read(connection, transaction, target) == 0)
            {
                return null;
            }

            return connection.ExecuteScalar<long>(CopySql.CountAll(PostgresCopyCatalog.ExistingTables(connection, transaction, target)), transaction: transaction);
        }
        catch (Exception exception) when (AsStoreError(target, exception) is { } error)
        {
            throw error;
        }
    }

    public IReadOnlyList<(string Name, string? PostgresType)> Columns(string table) => PostgresCopyCatalog.Columns(connection, transaction, target, table);

    public long Rows() =>
        connection.ExecuteScalar<long>(CopySql.CountAll(CopyCatalog.Tables.Select(t => t.Name)), transaction: transaction);

    // DELETE rather than TRUNCATE: TRUNCATE would lock readers out until the copy commits; with DELETE they keep reading
    // the old rows meanwhile.
    public void Clear()
    {
        foreach (var table in CopyCatalog.Tables.Select(t => t.Name).Reverse().Append(CopyCatalog.SearchTable).Append(CopyCatalog.ReviewSearchTable))
        {
            connection.Execute(CopySql.DeleteAll(table), transaction: transaction);
        }

        // The indexes' collection totals go with them (their one row stays; building an index counts again from zero).
        connection.Execute("UPDATE message_search_totals SET indexed_messages = 0, indexed_tokens = 0;", transaction: transaction);
        connection.Execute("UPDATE review_search_totals SET indexed_messages = 0, indexed_tokens = 0;", transaction: transaction);
    }

    public int IndexReviews()
    {
        var texts = connection.Query<(long Id, string? PublicReview, string? PrivateFeedback, string? Response)>(ReviewText.StoredTexts, transaction: transaction)
            .Select(r => (r.Id, Text: ReviewText.Of(r.PublicReview, r.PrivateFeedback, r.Response)))
            .Where(r => r.Text.Length > 0)
            .ToList();
        using var search = new PostgresMessageSearch(connection, transaction, table: PostgresSearchTable.Reviews);
        search.Upsert(texts);
        return texts.Count;
    }

    public void Write(CopyTable table, IReadOnlyList<CopyColumn> columns, IReadOnlyList<object?[]> rows)
    {
        var types = columns.Select(c => TypeOf(c.Kind)).ToArray();
        using var importer = connection.BeginBinaryImport($"COPY {CopySql.Quote(table.Name)} ({CopySql.ColumnList(columns)}) FROM STDIN (FORMAT BINARY);");
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < types.Length; i++)
            {
                if (row[i] is { } value)
                {
                    importer.Write(Storable(value, columns[i].Kind), types[i]);
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }

        importer.Complete();
    }

    public void SetReferences(CopyTable table, IReadOnlyList<(long Key, long Reference)> references) =>
        connection.Execute(
            $"""
            UPDATE {CopySql.Quote(table.Name)} AS t SET {CopySql.Quote(table.SelfReference!)} = r.reference
            FROM unnest(@Keys, @References) AS r (key, reference) WHERE t.{CopySql.Quote(table.Key[0])} = r.key;
            """,
            new { Keys = references.Select(r => r.Key).ToArray(), References = references.Select(r => r.Reference).ToArray() }, transaction);

    // setval(..., false) makes the next id the value itself: a sequence cannot be set below 1.
    public void SetHighestId(CopyTable table, long highest) =>
        connection.Execute(
            $"""
            SELECT setval(pg_get_serial_sequence(@Table, @Column)::regclass, greatest(@Highest, coalesce(max({CopySql.Quote(table.Identity!)}), 0), 1), greatest(@Highest, coalesce(max({CopySql.Quote(table.Identity!)}), 0)) > 0)
            FROM {CopySql.Quote(table.Name)};
            """,
            new { Table = table.Name, Column = table.Identity, Highest = highest }, transaction);

    public void RequestSearchIndex(bool messages, string now) =>
        connection.Execute(
            messages ? CopyStatements.RequestSearchIndex : CopyStatements.NoSearchIndex,
            new { Resource = MessageSearchIndex.BackfillResource, Now = PostgresClock.Utc(now) }, transaction);

    public void Commit() => transaction.Commit();

    public HostawayException? AsStoreError(Exception exception) => AsStoreError(target, exception);

    public void Dispose()
    {
        transaction.Dispose();
        connection.Dispose();
    }

    private static HostawayException? AsStoreError(PostgresTarget target, Exception exception) =>
        exception is NpgsqlException ? PostgresErrors.FromNpgsql(target, exception) : null;

    /// <summary>
    /// A value as PostgreSQL can hold it: NUL, which text and jsonb cannot, becomes U+FFFD as the PostgreSQL store writes
    /// it (<see cref="PostgresText"/>), so a SQLite database that stored a NUL copies to what a sync into PostgreSQL stores.
    /// </summary>
    private static object Storable(object value, CopyColumnKind kind) => kind switch
    {
        CopyColumnKind.Text => PostgresText.Clean((string)value)!,
        CopyColumnKind.Json => PostgresText.CleanJson((string)value)!,
        _ => value,
    };

    private static NpgsqlDbType TypeOf(CopyColumnKind kind) => kind switch
    {
        CopyColumnKind.BigInt => NpgsqlDbType.Bigint,
        CopyColumnKind.Integer => NpgsqlDbType.Integer,
        CopyColumnKind.Double => NpgsqlDbType.Double,
        CopyColumnKind.Numeric => NpgsqlDbType.Numeric,
        CopyColumnKind.Text => NpgsqlDbType.Text,
        CopyColumnKind.Timestamp => NpgsqlDbType.TimestampTz,
        CopyColumnKind.Date => NpgsqlDbType.Date,
        CopyColumnKind.Boolean => NpgsqlDbType.Boolean,
        CopyColumnKind.Json => NpgsqlDbType.Jsonb,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A PostgreSQL column has a PostgreSQL type."),
    };
}
