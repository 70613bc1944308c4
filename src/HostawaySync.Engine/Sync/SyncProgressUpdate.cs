namespace HostawaySync.Engine.Sync;

/// <summary>Progress of one resource: what it is doing, how many items are done, and the total when the API said.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Activity">What is happening, for example "Fetching messages".</param>
/// <param name="Done">Items done so far.</param>
/// <param name="Total">Items in all, when known.</param>
/// <param name="Completed">True on the resource's last update.</param>
public sealed record SyncProgressUpdate(SyncResources Resource, string Activity, long Done, long? Total, bool Completed = false);
