namespace HostawaySync.Engine.Store;

/// <summary>
/// Statements both stores run word for word: SQLite (3.39 and later; the engine ships its own) and PostgreSQL read them alike, and Dapper binds
/// their named values in either, so each is written once and the stores cannot drift apart.
/// </summary>
internal static class StoreStatements
{
    public const string SaveCheckpoint = """
        INSERT INTO sync_state (resource, checkpoint, updated_at) VALUES (@Resource, @Checkpoint, @Now)
        ON CONFLICT (resource) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at;
        """;

    public const string CompletePass = """
        INSERT INTO sync_state (resource, cursor, checkpoint, last_full_sync_at, last_success_at, updated_at)
        VALUES (@Resource, @Cursor, NULL, CASE WHEN @Full THEN @Now END, @Now, @Now)
        ON CONFLICT (resource) DO UPDATE SET cursor = excluded.cursor, checkpoint = NULL,
            last_full_sync_at = coalesce(excluded.last_full_sync_at, sync_state.last_full_sync_at),
            last_success_at = excluded.last_success_at, updated_at = excluded.updated_at;
        """;

    public const string OpenLog = """
        INSERT INTO sync_logs (run_id, resource, mode, status, started_at, cursor_before, module_version)
        VALUES (@RunId, @Resource, @Mode, 'Running', @Now, @Cursor, @Version) RETURNING sync_log_id;
        """;

    public const string CloseLog = """
        UPDATE sync_logs SET status = @Status, mode = @Mode, finished_at = @Now, duration_ms = @DurationMs, created = @Created, updated = @Updated,
            unchanged = @Unchanged, deleted = @Deleted, requests = @Requests, retries = @Retries, rate_limited = @RateLimited,
            cursor_after = @CursorAfter, error_id = @ErrorId, error_message = @ErrorMessage,
            requests_per_10s = @RequestsPer10Seconds, rate_limit_source = @RateLimitSource
        WHERE sync_log_id = @Id;
        """;

    public const string ConversationsDueForMessages = """
        SELECT c.conversation_id FROM conversations c
        WHERE c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM sync_seen s WHERE s.resource = @Done AND s.object_id = c.conversation_id)
        ORDER BY c.conversation_id;
        """;

    public const string ReservationsWithoutSeenConversation = """
        SELECT r.reservation_id FROM reservations r
        WHERE r.deleted_at IS NULL AND r.raw_json <> '{}' AND NOT EXISTS (
            SELECT 1 FROM conversations c JOIN sync_seen s ON s.resource = @Resource AND s.object_id = c.conversation_id
            WHERE c.reservation_id = r.reservation_id)
        ORDER BY r.reservation_id;
        """;

    /// <summary>Rows a dead process left Running. Only run while holding the writer lock, so none of them is alive.</summary>
    public const string CloseInterruptedLogs =
        "UPDATE sync_logs SET status = 'Failed', finished_at = @Now, error_id = @Id, error_message = 'The run stopped without finishing (the process ended or the machine stopped); the next run resumed from the last stored page.' WHERE status = 'Running';";

    /// <summary>Makes one guest of two: keys, reservations and conversations follow the survivor, and so do guests merged into the merged one earlier.</summary>
    public const string GuestMerge = """
        UPDATE guest_identity_keys SET guest_id = @Survivor WHERE guest_id = @Merged;
        UPDATE reservations SET guest_id = @Survivor WHERE guest_id = @Merged;
        UPDATE conversations SET guest_id = @Survivor WHERE guest_id = @Merged;
        WITH RECURSIVE earlier (guest_id) AS (
            SELECT merged_guest_id FROM guest_merges WHERE survivor_guest_id = @Merged
            UNION SELECT m.merged_guest_id FROM guest_merges m JOIN earlier e ON m.survivor_guest_id = e.guest_id)
        UPDATE guests SET merged_into_guest_id = @Survivor, reservation_count = 0, updated_at = @Now
        WHERE guest_id IN (SELECT @Merged UNION SELECT guest_id FROM earlier) AND (guest_id = @Merged OR merged_into_guest_id = @Merged);
        INSERT INTO guest_merges (merged_guest_id, survivor_guest_id, reason, merged_at) VALUES (@Merged, @Survivor, @Reason, @Now);
        """;

    /// <summary>
    /// Records a conversation file's stamp (@Id, @Sha256, @Bytes, @HeaderMark); with <paramref name="messagesStored"/>, the
    /// conversation's messages now match its list entry as stored.
    /// </summary>
    public static string StampConversationFile(bool messagesStored) =>
        "UPDATE conversations SET file_sha256 = @Sha256, file_bytes = @Bytes, header_mark = @HeaderMark"
        + (messagesStored ? ", messages_mark = list_mark" : string.Empty) + " WHERE conversation_id = @Id;";

    /// <summary>What a reconcile reads of each live conversation beyond its header facts, and from which rows (after the facts' FROM).</summary>
    public const string ReconcileCandidatesTail = """
        , c.file_sha256 AS FileSha256, c.file_bytes AS FileBytes, c.header_mark AS HeaderMark,
               (c.messages_mark IS NULL OR c.messages_mark IS DISTINCT FROM c.list_mark) AS MessagesChanged
        """;

    /// <summary>The live conversations a reconcile checks: of live reservations, or of reservations the store does not hold.</summary>
    public const string ReconcileCandidatesWhere = "WHERE c.deleted_at IS NULL AND r.deleted_at IS NULL ORDER BY c.conversation_id;";

    /// <summary>After a complete reconcile every live reservation's conversations are as the API has them: the markers catch up.</summary>
    public const string MarkAllConversationsSynced =
        "UPDATE reservations SET conversations_synced_activity = latest_activity_on WHERE deleted_at IS NULL AND conversations_synced_activity IS DISTINCT FROM latest_activity_on;";
}
