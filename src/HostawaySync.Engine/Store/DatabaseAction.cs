namespace HostawaySync.Engine.Store;

/// <summary>What initializing a database did, or would do.</summary>
public enum DatabaseAction
{
    /// <summary>A new database file was created.</summary>
    Created,

    /// <summary>An existing database was migrated to the current schema.</summary>
    Upgraded,

    /// <summary>The database already had the current schema.</summary>
    Unchanged,
}
