namespace HostawaySync.Engine.Store.Copy;

/// <summary>Where a copy left the destination's message search index, which is built from the conversation files.</summary>
public enum CopySearchIndex
{
    /// <summary>There are no messages: nothing to index.</summary>
    NotNeeded,

    /// <summary>Built from the conversation files right after the copy.</summary>
    Built,

    /// <summary>To be built by the destination's next sync (which reads the files first); search says its results are incomplete until then.</summary>
    Pending,
}
