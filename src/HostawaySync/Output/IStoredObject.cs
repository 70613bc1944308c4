namespace HostawaySync.Output;

/// <summary>
/// An object read from a HostawaySync database. Its hidden DatabasePath (a SQLite file) or DatabaseUrl (a PostgreSQL
/// database, without its password) property lets the next query cmdlet in a pipeline read the same database without
/// repeating -DatabasePath or -DatabaseUrl; hidden, so they stay out of tables and CSV files. One of the two is empty.
/// </summary>
public interface IStoredObject
{
    /// <summary>The SQLite database the object was read from, or null for a PostgreSQL one.</summary>
    string? DatabasePath { get; set; }

    /// <summary>The PostgreSQL database the object was read from, as a URL without the password, or null for a SQLite one.</summary>
    string? DatabaseUrl { get; set; }
}
