using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>The sync log in PostgreSQL, as <see cref="SyncLogWriter"/> writes it in SQLite (times as timestamptz).</summary>
internal static class PostgresSyncLog
{
    public static int CloseInterrupted(NpgsqlConnection connection, string now) =>
        connection.Execute(
            StoreStatements.CloseInterruptedLogs,
            new { Now = PostgresClock.Utc(now), Id = SyncLogWriter.InterruptedErrorId });

    public static long Open(NpgsqlConnection connection, string runId, string resource, string mode, string now, string? cursorBefore, string? moduleVersion) =>
        connection.ExecuteScalar<long>(
            StoreStatements.OpenLog,
            new { RunId = runId, Resource = resource, Mode = mode, Now = PostgresClock.Utc(now), Cursor = cursorBefore, Version = moduleVersion });

    public static void Close(NpgsqlConnection connection, long logId, SyncLogRecord result, string now) =>
        connection.Execute(
            StoreStatements.CloseLog,
            new
            {
                Id = logId, result.Status, result.Mode, Now = PostgresClock.Utc(now), result.DurationMs,
                result.Created, result.Updated, result.Unchanged, result.Deleted, result.Requests, result.Retries, result.RateLimited,
                result.CursorAfter, result.ErrorId, result.ErrorMessage, result.RequestsPer10Seconds, result.RateLimitSource,
            });
}
