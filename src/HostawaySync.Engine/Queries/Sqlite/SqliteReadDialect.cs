using System.Data.Common;
using Dapper;
using HostawaySync.Engine.Store;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Queries.Sqlite;

/// <summary>
/// The read side's SQL for a SQLite database file. Times are ISO-8601 UTC text that sorts as text, money is REAL, text
/// sorts by code point and NULL first, and LIKE ignores the case of ASCII letters: the behaviour the PostgreSQL dialect
/// reproduces. Opened read-only; WAL mode means a running sync never blocks a reader.
/// </summary>
internal sealed class SqliteReadDialect(string databasePath) : ReadDialect
{
    public override string HasSearchIndexSql => "SELECT count(*) FROM sqlite_master WHERE name = 'message_search';";

    public override string HasReviewsSql => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'reviews';";

    public override string HasSyncLogPaceSql => "SELECT count(*) FROM pragma_table_info('sync_logs') WHERE name = 'requests_per_10s';";

    public override DbConnection Open()
    {
        UtcDateTimeHandler.EnsureRegistered();
        return StoreConnection.OpenExisting(databasePath);
    }

    public override DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    // A SQLite connection reads any number of statements at once.
    public override IEnumerable<T> Rows<T>(DbConnection connection, DbTransaction transaction, string sql, object parameters) =>
        connection.Query<T>(sql, parameters, transaction, buffered: false);

    // Dapper expands a list parameter after IN into one parameter per value.
    public override string In(string expression, string parameter) => $"{expression} IN {parameter}";

    public override object Ids(IReadOnlyList<long> values) => values;

    public override object Texts(IReadOnlyList<string> values) => values;

    public override string Lower(string expression) => $"lower({expression})";

    public override string Like(string expression, string parameter) => $"{expression} LIKE {parameter} ESCAPE '\\'";

    public override object Pattern(string wildcard) => SqlPatterns.Like(wildcard);

    public override object? Instant(DateTime? value) => StoreClock.Format(value);

    public override object? Date(DateOnly? value) => StoreClock.Format(value);

    // The handler parses the text; without the T and Z it reads as the UTC time it is.
    public override string InstantColumn(string column) => $"replace(replace({column}, 'T', ' '), 'Z', '')";

    public override string InstantText(string column) => column;

    public override string DateText(string column) => column;

    public override string Real(string column) => column;

    public override string Ascending(string expression, bool text = false) => expression;

    public override string JsonText(string column, string member) =>
        $"CASE WHEN json_valid({column}) THEN CAST(json_extract({column}, '$.{member}') AS TEXT) END";
}
