namespace HostawaySync.Engine.Store.Copy;

/// <summary>What a copy of a HostawaySync database from one store to another needs (see <see cref="StoreCopier"/>).</summary>
public sealed record StoreCopyOptions
{
    /// <summary>The database to copy: read in one snapshot, never written.</summary>
    public required StoreLocation Source { get; init; }

    /// <summary>The store to copy into: created if missing; refused when it holds HostawaySync data, unless <see cref="Force"/>.</summary>
    public required StoreLocation Destination { get; init; }

    /// <summary>Replace the HostawaySync data a destination already holds (its HostawaySync tables only).</summary>
    public bool Force { get; init; }

    /// <summary>
    /// The conversation files root, to build the destination's search index from right after the copy; null (or a
    /// folder that does not exist) leaves the build to the destination's next sync.
    /// </summary>
    public string? ConversationsPath { get; init; }

    /// <summary>Rows read and written at a time (between two progress reports and cancellation checks).</summary>
    public int BatchSize { get; init; } = StoreCopier.DefaultBatchSize;

    /// <summary>How long to wait for a sync writing to the destination to finish before failing with HostawaySyncInProgress.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Module version recorded in the destination's schema history when the copy creates it.</summary>
    public string? ModuleVersion { get; init; }

    /// <summary>The clock (tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
