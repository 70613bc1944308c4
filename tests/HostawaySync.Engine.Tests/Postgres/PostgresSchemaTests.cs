using Dapper;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>The PostgreSQL schema: the SQLite schema's tables and columns by name, with the types BI tools read directly.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresSchemaTests(PostgresServer server)
{
    [PostgresFact]
    public void Creates_the_same_tables_and_columns_as_the_latest_SQLite_schema()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        using var connection = database.Open();

        var postgres = connection.Query<(string Table, string Column)>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'hostaway';")
            .Select(c => $"{c.Table}.{c.Column}").Order(StringComparer.Ordinal).ToList();

        // SQLite's FTS5 table keys its rows by rowid, the message id, which PostgreSQL needs as a real column; FTS5 keeps
        // each message's token count (bm25's document length) and the collection's totals in shadow tables, PostgreSQL in
        // a column beside the terms and a table of its own.
        string[] search =
        [
            "message_search.message_id", "message_search.tokens", "message_search_totals.indexed_messages", "message_search_totals.indexed_tokens",
            "review_search.review_id", "review_search.tokens", "review_search_totals.indexed_messages", "review_search_totals.indexed_tokens",
        ];
        Assert.Equal(SqliteColumns().Concat(search).Order(StringComparer.Ordinal), postgres);
    }

    [PostgresFact]
    public void Columns_have_the_promised_types()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        using var connection = database.Open();

        var types = connection.Query<(string Table, string Column, string Type)>(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'hostaway';")
            .ToDictionary(c => $"{c.Table}.{c.Column}", c => c.Type);

        Assert.All(types.Where(t => t.Key.EndsWith("_id", StringComparison.Ordinal) && !t.Key.StartsWith("sync_logs.run_id", StringComparison.Ordinal)
            && !t.Key.EndsWith("error_id", StringComparison.Ordinal) && !t.Key.EndsWith("external_account_id", StringComparison.Ordinal)
            && !t.Key.EndsWith("channel_reservation_id", StringComparison.Ordinal) && !t.Key.StartsWith("reviews.external_", StringComparison.Ordinal)),
            t => Assert.Equal("bigint", t.Value));
        Assert.All(types.Where(t => t.Key.EndsWith("raw_json", StringComparison.Ordinal)), t => Assert.Equal("jsonb", t.Value));
        Assert.All(types.Where(t => t.Key.EndsWith("_at", StringComparison.Ordinal) || t.Key.EndsWith("_on", StringComparison.Ordinal)),
            t => Assert.Equal("timestamp with time zone", t.Value));
        Assert.Equal("numeric", types["listings.price"]);
        Assert.Equal("numeric", types["reservations.total_price"]);
        Assert.Equal("boolean", types["reservations.is_paid"]);
        Assert.Equal("boolean", types["conversations.has_unread_messages"]);
        Assert.Equal("date", types["reservations.arrival_date"]);
        Assert.Equal("timestamp with time zone", types["reservations.reservation_date"]);
        Assert.Equal("tsvector", types["message_search.body"]);
        Assert.Equal("tsvector", types["review_search.body"]);
        Assert.Equal("numeric", types["reviews.rating"]);
        Assert.Equal("text", types["reviews.external_review_id"]);
        Assert.Equal("integer", types["sync_logs.requests_per_10s"]);
        Assert.Equal("text", types["sync_logs.rate_limit_source"]);
    }

    [PostgresFact]
    public void Creates_the_SQLite_schemas_indexes_under_the_same_names()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        using var connection = database.Open();

        var postgres = connection.Query<string>("SELECT indexname FROM pg_indexes WHERE schemaname = 'hostaway';").ToHashSet(StringComparer.Ordinal);

        Assert.All(SqliteIndexes(), index => Assert.Contains(index, postgres));
        Assert.Contains("ix_message_search_body", postgres);
    }

    [PostgresFact]
    public void Message_search_finds_a_message_by_a_stemmed_word_with_the_schemas_configuration()
    {
        using var database = server.CreateDatabase();
        PostgresDatabaseInitializer.Initialize(database.ConnectionString);
        using var connection = database.Open();

        connection.Execute("INSERT INTO hostaway.message_search (message_id, body, tokens) VALUES (7, to_tsvector('hostaway.message_search', 'The heaters were broken'), 4);");
        var found = connection.Query<long>(
            "SELECT message_id FROM hostaway.message_search WHERE body @@ websearch_to_tsquery('hostaway.message_search', 'heater broken');").ToList();

        Assert.Equal([7L], found);
    }

    private static List<string> SqliteColumns() => FromSqlite(
        """
        SELECT t.name || '.' || c.name FROM pragma_table_list AS t, pragma_table_info(t.name) AS c
        WHERE t.schema = 'main' AND t.type IN ('table', 'virtual') AND t.name NOT LIKE 'sqlite\_%' ESCAPE '\';
        """);

    private static List<string> SqliteIndexes() => FromSqlite("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL;");

    private static List<string> FromSqlite(string sql)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("schema.db");
        DatabaseInitializer.Initialize(path);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection.Query<string>(sql).AsList();
    }
}
