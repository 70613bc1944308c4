using HostawaySync.Engine.Store;

namespace HostawaySync.Output;

/// <summary>Tags output objects with the store they came from: a SQLite path or a password-free PostgreSQL URL, the other empty.</summary>
internal static class StoredObjectExtensions
{
    /// <summary>Sets the hidden DatabasePath (SQLite) or DatabaseUrl (PostgreSQL) of <paramref name="output"/>.</summary>
    public static T StoredIn<T>(this T output, StoreLocation location)
        where T : IStoredObject
    {
        output.DatabasePath = SqlitePath(location);
        output.DatabaseUrl = PostgresUrl(location);
        return output;
    }

    /// <summary>The SQLite file of <paramref name="location"/>, or null for PostgreSQL.</summary>
    public static string? SqlitePath(StoreLocation location) => location is SqliteStoreLocation sqlite ? sqlite.Path : null;

    /// <summary>The password-free URL of a PostgreSQL <paramref name="location"/>, or null for SQLite.</summary>
    public static string? PostgresUrl(StoreLocation location) => location is PostgresStoreLocation ? location.Display : null;
}
