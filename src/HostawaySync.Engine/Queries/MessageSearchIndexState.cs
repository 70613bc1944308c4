namespace HostawaySync.Engine.Queries;

/// <summary>Whether search can see every stored message.</summary>
public enum MessageSearchIndexState
{
    /// <summary>Every stored message is in the index.</summary>
    Complete,

    /// <summary>The database was upgraded and the next sync builds the index from the conversation files: results are incomplete until then.</summary>
    Pending,

    /// <summary>The database predates search (schema version 2 or older) and has no index until a sync or Initialize-HostawayDatabase upgrades it.</summary>
    Missing,
}
