using Dapper;
using HostawaySync.Engine.Errors;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// A SQLite database as a copy's destination: one IMMEDIATE transaction for the whole copy. Readers keep seeing what
/// the database held before (WAL) until the commit; a copy that stops before it, killed or cancelled, leaves nothing.
/// </summary>
internal sealed class SqliteCopyDestination(SqliteConnection connection, SqliteTransaction transaction, string path) : ICopyDestination
{
    private readonly Dictionary<string, PreparedStatement> _inserts = new(StringComparer.Ordinal);

    /// <summary>Opens the (initialized) database and begins the copy's transaction.</summary>
    public static SqliteCopyDestination Open(string path) =>
        CopyBatch.OnNewConnection(
            StoreConnection.OpenForWriting(path, SqliteOpenMode.ReadWrite, pooling: false), e => AsStoreError(path, e),
            connection => new SqliteCopyDestination(connection, connection.BeginTransaction(deferred: false), path));

    /// <summary>
    /// The rows in HostawaySync's tables of the database at <paramref name="path"/>, read without writing; null when there
    /// is no HostawaySync database there yet. Paths the initializer would refuse (a folder, not SQLite, another
    /// application's database, a newer schema) throw its errors.
    /// </summary>
    public static long? ExistingRows(string path)
    {
        var inspection = DatabaseInitializer.Inspect(path);
        if (!inspection.Exists || inspection.SchemaVersion == 0)
        {
            return null;
        }

        try
        {
            using var connection = StoreConnection.Open(inspection.Path, SqliteOpenMode.ReadOnly, TimeSpan.FromSeconds(5));
            using var transaction = connection.BeginTransaction(deferred: true);
            // A database of an older schema version lacks the newer tables.
            var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table';", transaction: transaction)
                .Intersect(CopyCatalog.Tables.Select(t => t.Name), StringComparer.Ordinal);
            return connection.ExecuteScalar<long>(CopySql.CountAll(tables), transaction: transaction);
        }
        catch (Exception exception) when (AsStoreError(inspection.Path, exception) is { } error)
        {
            throw error;
        }
    }

    public IReadOnlyList<(string Name, string? PostgresType)> Columns(string table) => SqliteCopySource.Columns(connection, transaction, table);

    public long Rows() =>
        connection.ExecuteScalar<long>(CopySql.CountAll(CopyCatalog.Tables.Select(t => t.Name)), transaction: transaction);

    public void Clear()
    {
        foreach (var table in CopyCatalog.Tables.Reverse())
        {
            connection.Execute(CopySql.DeleteAll(table.Name), transaction: transaction);
        }

        // A contentless FTS5 table is emptied with its 'delete-all' command.
        connection.Execute("INSERT INTO message_search (message_search) VALUES ('delete-all');", transaction: transaction);
        connection.Execute("INSERT INTO review_search (review_search) VALUES ('delete-all');", transaction: transaction);
    }

    public int IndexReviews()
    {
        var texts = connection.Query<(long Id, string? PublicReview, string? PrivateFeedback, string? Response)>(ReviewText.StoredTexts, transaction: transaction)
            .Select(r => (r.Id, Text: ReviewText.Of(r.PublicReview, r.PrivateFeedback, r.Response)))
            .Where(r => r.Text.Length > 0)
            .ToList();
        using var upsert = new PreparedStatement(connection, transaction, "INSERT OR REPLACE INTO review_search (rowid, body) VALUES ($p0, $p1);", 2);
        foreach (var (id, text) in texts)
        {
            upsert.Execute(id, text);
        }

        return texts.Count;
    }

    public void Write(CopyTable table, IReadOnlyList<CopyColumn> columns, IReadOnlyList<object?[]> rows)
    {
        if (!_inserts.TryGetValue(table.Name, out var insert))
        {
            var values = string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            insert = new PreparedStatement(connection, transaction, $"INSERT INTO {CopySql.Quote(table.Name)} ({CopySql.ColumnList(columns)}) VALUES ({values});", columns.Count);
            _inserts[table.Name] = insert;
        }

        var bound = new object?[columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < bound.Length; i++)
            {
                bound[i] = row[i] is { } value ? CopyValues.ToSqlite(value, columns[i].Kind) : null;
            }

            insert.Execute(bound);
        }
    }

    public void SetReferences(CopyTable table, IReadOnlyList<(long Key, long Reference)> references)
    {
        using var update = new PreparedStatement(
            connection, transaction, $"UPDATE {CopySql.Quote(table.Name)} SET {CopySql.Quote(table.SelfReference!)} = $p1 WHERE {CopySql.Quote(table.Key[0])} = $p0;", 2);
        foreach (var (key, reference) in references)
        {
            update.Execute(key, reference);
        }
    }

    // sqlite_sequence holds the highest id an AUTOINCREMENT table has handed out; it has no key, so its row is replaced.
    public void SetHighestId(CopyTable table, long highest)
    {
        var stored = connection.ExecuteScalar<long?>($"SELECT max({CopySql.Quote(table.Identity!)}) FROM {CopySql.Quote(table.Name)};", transaction: transaction) ?? 0;
        connection.Execute("DELETE FROM sqlite_sequence WHERE name = @Table;", new { Table = table.Name }, transaction);
        if (Math.Max(highest, stored) > 0)
        {
            connection.Execute("INSERT INTO sqlite_sequence (name, seq) VALUES (@Table, @Seq);", new { Table = table.Name, Seq = Math.Max(highest, stored) }, transaction);
        }
    }

    public void RequestSearchIndex(bool messages, string now) =>
        connection.Execute(messages ? CopyStatements.RequestSearchIndex : CopyStatements.NoSearchIndex, new { Resource = MessageSearchIndex.BackfillResource, Now = now }, transaction);

    public void Commit() => transaction.Commit();

    public HostawayException? AsStoreError(Exception exception) => AsStoreError(path, exception);

    public void Dispose()
    {
        foreach (var insert in _inserts.Values)
        {
            insert.Dispose();
        }

        transaction.Dispose();
        connection.Dispose();
    }

    private static HostawayException? AsStoreError(string path, Exception exception) =>
        exception is SqliteException sqlite ? StoreErrors.FromSqlite(path, sqlite) : null;
}
