using Dapper;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>Writes the sync log: a row per run and per resource, opened as Running and closed with the outcome. Never a secret.</summary>
internal static class SyncLogWriter
{
    public const string InterruptedErrorId = Errors.ErrorIds.SyncInterrupted;

    /// <summary>Rows left Running by a process that died. Only called while holding the writer lock, so none of them is alive.</summary>
    public static int CloseInterrupted(SqliteConnection connection, string now) =>
        connection.Execute(
            StoreStatements.CloseInterruptedLogs,
            new { Now = now, Id = InterruptedErrorId });

    public static long Open(SqliteConnection connection, string runId, string resource, string mode, string now, string? cursorBefore, string? moduleVersion) =>
        connection.ExecuteScalar<long>(
            StoreStatements.OpenLog,
            new { RunId = runId, Resource = resource, Mode = mode, Now = now, Cursor = cursorBefore, Version = moduleVersion });

    public static void Close(SqliteConnection connection, long logId, SyncLogRecord result, string now) =>
        connection.Execute(
            StoreStatements.CloseLog,
            new
            {
                Id = logId, result.Status, result.Mode, Now = now, result.DurationMs,
                result.Created, result.Updated, result.Unchanged, result.Deleted, result.Requests, result.Retries, result.RateLimited,
                result.CursorAfter, result.ErrorId, result.ErrorMessage, result.RequestsPer10Seconds, result.RateLimitSource,
            });
}
