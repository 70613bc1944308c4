namespace HostawaySync.Engine.Sync;

/// <summary>How one resource in the database compares with the API.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="ApiCount">The API's count, or null when its answer carried none.</param>
/// <param name="StoredCount">Rows stored and not marked deleted.</param>
/// <param name="LastSuccessAt">When the resource's last sync pass finished (UTC), or null if it never did.</param>
public sealed record ResourceDrift(SyncResources Resource, long? ApiCount, long StoredCount, DateTime? LastSuccessAt)
{
    /// <summary>Stored minus API: negative when rows are missing locally, positive when the database holds rows the API no longer lists.</summary>
    public long? Difference => ApiCount is { } api ? StoredCount - api : null;
}
