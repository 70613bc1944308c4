using System.Data.Common;
using HostawaySync.Engine.Queries.Postgres;
using HostawaySync.Engine.Queries.Sqlite;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Queries;

/// <summary>
/// What the read side (the Get- cmdlets' queries, search, the training data export, store summaries) needs to know about
/// a store: how to open it for reading, and the SQL fragments in which SQLite and PostgreSQL differ. Each query is written
/// once, from these fragments, so both stores return the same records in the same order; the provider-specific SQL lives
/// in the two subclasses. Fragments take column names (constants), never values: values are always parameters.
/// </summary>
internal abstract class ReadDialect
{
    private protected ReadDialect()
    {
    }

    /// <summary>The dialect of the store at <paramref name="location"/>.</summary>
    public static ReadDialect For(StoreLocation location) => location switch
    {
        SqliteStoreLocation sqlite => new SqliteReadDialect(sqlite.Path),
        PostgresStoreLocation postgres => new PostgresReadDialect(postgres.Target),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown store location."),
    };

    /// <summary>A query that returns 1 when the store has a search index, else 0.</summary>
    public abstract string HasSearchIndexSql { get; }

    /// <summary>SQL that counts 1 when the database has the reviews tables (schema 6 in SQLite, 3 in PostgreSQL), else 0: one not upgraded yet is read without them.</summary>
    public abstract string HasReviewsSql { get; }

    /// <summary>SQL that counts 1 when sync_logs has its pace columns (schema 7 in SQLite, 4 in PostgreSQL), else 0: one not upgraded yet is read without them.</summary>
    public abstract string HasSyncLogPaceSql { get; }

    /// <summary>Opens the store for reading; a missing store is HostawayDatabaseNotFound, nothing is created.</summary>
    /// <exception cref="Errors.HostawayException">The store is missing, unreachable or unusable.</exception>
    public abstract DbConnection Open();

    /// <summary>A read-only transaction in which every query sees one and the same state of the store, even while a sync writes.</summary>
    public abstract DbTransaction BeginSnapshot(DbConnection connection);

    /// <summary>
    /// The rows of <paramref name="sql"/> in <paramref name="transaction"/>, as they come, while the caller may run other
    /// queries in the same transaction between two rows.
    /// </summary>
    public abstract IEnumerable<T> Rows<T>(DbConnection connection, DbTransaction transaction, string sql, object parameters);

    /// <summary>A condition: <paramref name="expression"/> is one of the values of the list <paramref name="parameter"/>.</summary>
    public abstract string In(string expression, string parameter);

    /// <summary>A list of ids as <see cref="In"/>'s parameter value.</summary>
    public abstract object Ids(IReadOnlyList<long> values);

    /// <summary>A list of texts as <see cref="In"/>'s parameter value.</summary>
    public abstract object Texts(IReadOnlyList<string> values);

    /// <summary>
    /// <paramref name="expression"/> with its ASCII letters in lower case and every other character as it is: SQLite's
    /// lower(), whatever the PostgreSQL database's locale.
    /// </summary>
    public abstract string Lower(string expression);

    /// <summary>A condition: <paramref name="expression"/> matches the pattern <paramref name="parameter"/> made by <see cref="Pattern"/>.</summary>
    public abstract string Like(string expression, string parameter);

    /// <summary>A PowerShell wildcard as <see cref="Like"/>'s parameter value: ASCII letters match either case, every other character itself.</summary>
    public abstract object Pattern(string wildcard);

    /// <summary>An instant (to the second the store keeps) as a parameter value, or null.</summary>
    public abstract object? Instant(DateTime? value);

    /// <summary>A calendar date as a parameter value, or null.</summary>
    public abstract object? Date(DateOnly? value);

    /// <summary>A timestamp column as records read it (a UTC <see cref="DateTime"/> through <see cref="UtcDateTimeHandler"/>).</summary>
    public abstract string InstantColumn(string column);

    /// <summary>A timestamp column as the store's time text, <c>yyyy-MM-ddTHH:mm:ssZ</c> (<see cref="StoreClock"/>).</summary>
    public abstract string InstantText(string column);

    /// <summary>A date column as <c>yyyy-MM-dd</c> text.</summary>
    public abstract string DateText(string column);

    /// <summary>A numeric column as a double, rounded as SQLite's REAL holds the same decimal.</summary>
    public abstract string Real(string column);

    /// <summary>An ascending sort key ordered as SQLite orders it: NULL first, and text by code point (<paramref name="text"/>).</summary>
    public abstract string Ascending(string expression, bool text = false);

    /// <summary>A string member of a JSON object column as text (null when absent or not an object).</summary>
    public abstract string JsonText(string column, string member);
}
