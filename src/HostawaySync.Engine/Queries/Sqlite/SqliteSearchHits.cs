using Dapper;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Queries.Sqlite;

/// <summary>Search in SQLite: FTS5 matches the query in message_search and ranks with its bm25(), best first, ties by message id.</summary>
internal static class SqliteSearchHits
{
    public static List<SearchHit> Find(SqliteConnection connection, QueryBuilder query, string fts, MessageSearchFilter filter)
    {
        query.Raw($"message_search MATCH {query.Add(fts)}");
        var limit = query.Add(filter.First ?? -1);
        var sql = $"""
            SELECT {MessageSearcher.HitColumns(query.Dialect)}, -bm25(message_search) AS Score
            FROM message_search
            JOIN messages_metadata m ON m.message_id = message_search.rowid
            {MessageSearcher.NameJoins}
            """ + query.Where + $" ORDER BY bm25(message_search), m.message_id LIMIT {limit};";
        try
        {
            return connection.Query<SearchHit>(sql, query.Parameters).AsList();
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 1)
        {
            // The SQL is fixed and the schema checked, so a plain SQLite error here is the FTS5 query's.
            throw MessageSearchQuery.Invalid($"The search query '{filter.Query}' is not a valid FTS5 query: {exception.Message}", filter.Query, exception);
        }
    }
}
