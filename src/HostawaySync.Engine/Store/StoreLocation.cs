using HostawaySync.Engine.Store.Postgres;

namespace HostawaySync.Engine.Store;

/// <summary>The kinds of store HostawaySync can keep its data in.</summary>
public enum StoreProvider
{
    /// <summary>One SQLite database file (the embedded default).</summary>
    Sqlite,

    /// <summary>A schema in a PostgreSQL database (team set-ups, BI tools).</summary>
    PostgreSql,
}

/// <summary>
/// Where a HostawaySync database lives: a SQLite file or a schema in a PostgreSQL database. Every engine entry point
/// that reads or writes the store takes one. A string converts to a SQLite location, so a file path can be given where a
/// location is expected. <see cref="ToString"/> (and <see cref="Display"/>) never contains a password.
/// </summary>
public abstract record StoreLocation
{
    private protected StoreLocation()
    {
    }

    /// <summary>Which kind of store.</summary>
    public abstract StoreProvider Provider { get; }

    /// <summary>The location as users should see it: the file path, or the PostgreSQL URL without its password.</summary>
    public abstract string Display { get; }

    /// <summary>A SQLite database file.</summary>
    public static implicit operator StoreLocation(string databasePath) => new SqliteStoreLocation(databasePath);

    /// <summary>A SQLite database file.</summary>
    public static StoreLocation FromPath(string databasePath) => new SqliteStoreLocation(databasePath);

    /// <summary>
    /// A PostgreSQL database from a <c>postgresql://</c> URL or an Npgsql keyword connection string (which may add
    /// <c>Schema=name</c>). The password may also come from <c>PGPASSWORD</c> or a pgpass file.
    /// </summary>
    /// <exception cref="Errors.HostawayException">HostawayConfigurationInvalid; the message never quotes the text given.</exception>
    /// <remarks>
    /// A location whose text carries a password is remembered for the process under its password-free URL
    /// (<see cref="Display"/>), so objects that carry only that URL along a pipeline reach the same database. A password
    /// the server refuses is forgotten at once (<see cref="ForgetRefusedPassword"/>), so the next password-free URL uses
    /// PGPASSWORD or the pgpass file rather than repeating the refused one.
    /// </remarks>
    public static PostgresStoreLocation FromUrl(string url)
    {
        var target = PostgresUrl.Parse(url);
        if (target.HasPassword)
        {
            Remembered[target.SafeUrl] = target;
        }
        else if (Remembered.TryGetValue(target.SafeUrl, out var known))
        {
            target = known;
        }

        return new PostgresStoreLocation(target);
    }

    /// <summary>
    /// Whether the PostgreSQL URL or connection string <paramref name="url"/> itself holds a password (unlike
    /// <see cref="PostgresStoreLocation.HasInlinePassword"/>, which also counts a password remembered from earlier text).
    /// </summary>
    /// <exception cref="Errors.HostawayException">HostawayConfigurationInvalid; the message never quotes the text given.</exception>
    public static bool HoldsPassword(string url) => PostgresUrl.Parse(url).HasPassword;

    /// <summary>
    /// A SQLite path or a PostgreSQL URL or connection string, told apart by its form: <c>postgresql://</c>,
    /// <c>postgres://</c>, or keyword pairs naming a host (<c>Host=...;</c>) are PostgreSQL; anything else is a path.
    /// </summary>
    public static bool LooksLikePostgres(string text) =>
        PostgresUrl.IsUrl(text.Trim()) || (text.Contains('=', StringComparison.Ordinal) && text.Contains("host", StringComparison.OrdinalIgnoreCase) && text.Contains(';', StringComparison.Ordinal));

    /// <summary>Forgets the remembered password of <paramref name="target"/> when it is the one remembered: the server refused it.</summary>
    internal static void ForgetRefusedPassword(PostgresTarget target)
    {
        if (target.HasPassword)
        {
            Remembered.TryRemove(KeyValuePair.Create(target.SafeUrl, target));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PostgresTarget> Remembered = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public sealed override string ToString() => Display;
}

/// <summary>A SQLite database file.</summary>
/// <param name="Path">Full path of the database file.</param>
public sealed record SqliteStoreLocation(string Path) : StoreLocation
{
    /// <inheritdoc/>
    public override StoreProvider Provider => StoreProvider.Sqlite;

    /// <inheritdoc/>
    public override string Display => Path;
}

/// <summary>A schema in a PostgreSQL database. Its public members never expose the password.</summary>
public sealed record PostgresStoreLocation : StoreLocation
{
    internal PostgresStoreLocation(PostgresTarget target)
    {
        Target = target;
    }

    /// <inheritdoc/>
    public override StoreProvider Provider => StoreProvider.PostgreSql;

    /// <summary>The URL without the password: <c>postgresql://user@host:port/database?schema=name</c>.</summary>
    public override string Display => Target.SafeUrl;

    /// <summary>The server's host.</summary>
    public string Host => Target.Host;

    /// <summary>The server's port.</summary>
    public int Port => Target.Port;

    /// <summary>The database.</summary>
    public string Database => Target.Database;

    /// <summary>The user HostawaySync connects as.</summary>
    public string User => Target.User;

    /// <summary>The schema that holds HostawaySync's tables.</summary>
    public string Schema => Target.Schema;

    /// <summary>Whether the connection string itself carries a password (else PGPASSWORD or a pgpass file may supply it).</summary>
    public bool HasInlinePassword => Target.HasPassword;

    /// <summary>The server, database, user and schema, with the connection string (password included) for the store.</summary>
    internal PostgresTarget Target { get; }

    /// <inheritdoc/>
    public bool Equals(PostgresStoreLocation? other) => other is not null && string.Equals(Target.ConnectionString, other.Target.ConnectionString, StringComparison.Ordinal) && Target.Schema == other.Target.Schema;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Target.ConnectionString, Target.Schema);
}
