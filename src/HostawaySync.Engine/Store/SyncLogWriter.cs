using Dapper;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>Writes the sync log: a row per run and per resource, opened as Running and closed with the outcome. Never a secret.</summary>
internal static class SyncLogWriter
{
    public const string InterruptedErrorId = "HostawaySyncInterrupted";

    /// <summary>Rows left Running by a process that died. Only called while holding the writer lock, so none of them is alive.</summary>
    public static int CloseInterrupted(SqliteConnection connection, string now) =>
        connection.Execute(
            "UPDATE sync_logs SET status = 'Failed', finished_at = @Now, error_id = @Id, error_message = 'The run stopped without finishing (the process ended or the machine stopped); the next run resumed from the last stored page.' WHERE status = 'Running';",
            new { Now = now, Id = InterruptedErrorId });

    public static long Open(SqliteConnection connection, string runId, string resource, string mode, string now, string? cursorBefore, string? moduleVersion) =>
        connection.ExecuteScalar<long>(
            """
            INSERT INTO sync_logs (run_id, resource, mode, status, started_at, cursor_before, module_version)
            VALUES (@RunId, @Resource, @Mode, 'Running', @Now, @Cursor, @Version) RETURNING sync_log_id;
            """,
            new { RunId = runId, Resource = resource, Mode = mode, Now = now, Cursor = cursorBefore, Version = moduleVersion });

    public static void Close(SqliteConnection connection, long logId, SyncLogRecord result, string now) =>
        connection.Execute(
            """
            UPDATE sync_logs SET status = @Status, mode = @Mode, finished_at = @Now, duration_ms = @DurationMs, created = @Created, updated = @Updated,
                unchanged = @Unchanged, deleted = @Deleted, requests = @Requests, retries = @Retries, rate_limited = @RateLimited,
                cursor_after = @CursorAfter, error_id = @ErrorId, error_message = @ErrorMessage
            WHERE sync_log_id = @Id;
            """,
            new
            {
                Id = logId, result.Status, result.Mode, Now = now, result.DurationMs,
                result.Created, result.Updated, result.Unchanged, result.Deleted, result.Requests, result.Retries, result.RateLimited,
                result.CursorAfter, result.ErrorId, result.ErrorMessage,
            });
}
