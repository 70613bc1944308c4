using Dapper;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Queries.Sqlite;

/// <summary>Search in SQLite: FTS5 matches the query in the source's index and ranks with its bm25(), best first, ties by the row's key.</summary>
internal static class SqliteSearchHits
{
    public static List<T> Find<T>(SqliteConnection connection, QueryBuilder query, string fts, string text, int? first, SearchSource source)
    {
        query.Raw($"{source.Index} MATCH {query.Add(fts)}");
        var limit = query.Add(first ?? -1);
        var sql = $"""
            SELECT {source.Columns(query.Dialect)}, -bm25({source.Index}) AS Score
            FROM {source.Index}
            {source.Joins(source.Index + ".rowid")}
            """ + query.Where + $" ORDER BY bm25({source.Index}), {source.RowKey} LIMIT {limit};";
        try
        {
            return connection.Query<T>(sql, query.Parameters).AsList();
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 1)
        {
            // The SQL is fixed and the schema checked, so a plain SQLite error here is the FTS5 query's.
            throw MessageSearchQuery.Invalid($"The search query '{text}' is not a valid FTS5 query: {exception.Message}", text, exception);
        }
    }
}
