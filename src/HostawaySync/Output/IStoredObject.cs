namespace HostawaySync.Output;

/// <summary>
/// An object read from a HostawaySync database. Its hidden DatabasePath property lets the next query cmdlet in a
/// pipeline read the same database without repeating -DatabasePath; hidden, so it stays out of tables and CSV files.
/// </summary>
public interface IStoredObject
{
    /// <summary>The database the object was read from.</summary>
    string? DatabasePath { get; set; }
}
