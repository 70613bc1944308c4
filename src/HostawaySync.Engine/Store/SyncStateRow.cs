namespace HostawaySync.Engine.Store;

/// <summary>A resource's committed cursor, its in-progress checkpoint (null when no pass is under way), and when it last succeeded.</summary>
internal sealed record SyncStateRow(string Resource, string? Cursor, string? Checkpoint, string? LastFullSyncAt, string? LastSuccessAt);
