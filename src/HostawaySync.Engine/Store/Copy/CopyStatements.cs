namespace HostawaySync.Engine.Store.Copy;

/// <summary>The copy's statements on sync_state, alike in both stores (@Now is store time text in SQLite, a timestamptz in PostgreSQL).</summary>
internal static class CopyStatements
{
    /// <summary>
    /// The search index is built from the files, so the copy asks for the build the sync does for upgraded databases: the
    /// marker with an empty checkpoint (no file indexed yet), whatever state the source's own build was in.
    /// </summary>
    public const string RequestSearchIndex = """
        INSERT INTO sync_state (resource, cursor, checkpoint, last_full_sync_at, last_success_at, updated_at) VALUES (@Resource, NULL, '', NULL, NULL, @Now)
        ON CONFLICT (resource) DO UPDATE SET cursor = NULL, checkpoint = '', last_full_sync_at = NULL, last_success_at = NULL, updated_at = excluded.updated_at;
        """;

    /// <summary>No messages, nothing to index: no marker (the source's, if it had one, is moot).</summary>
    public const string NoSearchIndex = "DELETE FROM sync_state WHERE resource = @Resource;";
}
