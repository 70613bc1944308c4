using System.Globalization;
using Dapper;
using HostawaySync.Engine.Errors;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// One writer per schema across processes and machines: a session-level advisory lock held on a connection of its own
/// (unpooled, so the lock never outlives it in a pool) for the whole run. The server drops the lock when that session
/// ends in any way (kill -9 of the sync, a lost network, a server restart), so a crashed sync never blocks the next.
/// Readers take no lock: PostgreSQL's snapshots let them read while a sync writes.
/// </summary>
internal sealed class PostgresWriterLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly NpgsqlConnection _connection;
    private readonly PostgresTarget _target;
    private readonly int _backendPid;

    private PostgresWriterLock(NpgsqlConnection connection, PostgresTarget target)
    {
        _connection = connection;
        _target = target;
        _backendPid = connection.ProcessID;
    }

    /// <summary>The application name the holder's session shows in pg_stat_activity (and in the "in progress" message).</summary>
    internal static string HolderName => string.Create(
        CultureInfo.InvariantCulture, $"HostawaySync sync (process {Environment.ProcessId} on {Environment.MachineName})");

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for another sync to finish; then fails with HostawaySyncInProgress.</summary>
    public static async Task<PostgresWriterLock> AcquireAsync(PostgresTarget target, TimeSpan wait, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        var connection = PostgresConnections.Open(target, pooling: false, applicationName: Truncate(HolderName));
        try
        {
            var started = time.GetTimestamp();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await connection.ExecuteScalarAsync<bool>(
                        new CommandDefinition("SELECT pg_try_advisory_lock(@Application, hashtext(@Key));", Key(target), cancellationToken: cancellationToken)).ConfigureAwait(false))
                {
                    return new PostgresWriterLock(connection, target);
                }

                if (time.GetElapsedTime(started) >= wait)
                {
                    var holder = await HolderAsync(connection, target).ConfigureAwait(false);
                    throw new HostawayException(
                        ErrorIds.SyncInProgress, ErrorKind.StoreLocked,
                        string.Create(CultureInfo.InvariantCulture, $"Another sync is already writing to the {target} ({holder}); waited {wait.TotalSeconds:0.#} s."),
                        "Let the other sync finish (a scheduled job on this or another machine, say), then run this one again. Reading the database is not affected.",
                        target.ToString());
                }

                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException && PostgresErrors.FromNpgsql(target, exception) is { } error)
        {
            connection.Dispose();
            throw error;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Fails with HostawayDatabaseUnreachable unless the lock's session still holds the lock, asked on the writing
    /// connection inside its transaction just before a commit. The lock lives in a session of its own: a server restart,
    /// a dropped network or an administrator's pg_terminate_backend can end that session while the run's data connection
    /// (reopened by its pool) goes on working, and another sync may then take the lock. Checking before each commit means
    /// nothing is committed without the lock; the run ends with the pages committed while it held it.
    /// </summary>
    public void EnsureHeld(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var held = connection.ExecuteScalar<bool>(
            """
            SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks
                           WHERE locktype = 'advisory' AND granted AND pid = @Pid
                             AND classid = @Application::oid AND objid = hashtext(@Key)::oid AND objsubid = 2);
            """,
            new { Pid = _backendPid, Application = StoreConnection.ApplicationId, Key = _target.Schema + ":sync-writer" },
            transaction);
        if (!held)
        {
            throw new HostawayException(
                ErrorIds.DatabaseUnreachable, ErrorKind.Unavailable,
                $"This sync lost its writer lock on the {_target} (the session holding it ended: a server restart, a dropped connection or a terminated backend), so it stopped before committing more; everything committed before is kept.",
                "Run the sync again: it resumes from the last committed page. If this repeats, check the server's log for restarts and the network between this machine and the server.",
                _target.ToString());
        }
    }

    /// <summary>Releases the lock (closing the session would too; unlocking first says so at once).</summary>
    public void Dispose()
    {
        try
        {
            _connection.Execute("SELECT pg_advisory_unlock(@Application, hashtext(@Key));", Key(_target));
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // The session is gone (server restarted, network lost): the server has released the lock with it.
        }

        _connection.Dispose();
    }

    private static object Key(PostgresTarget target) => new { Application = StoreConnection.ApplicationId, Key = target.Schema + ":sync-writer" };

    private static async Task<string> HolderAsync(NpgsqlConnection connection, PostgresTarget target)
    {
        try
        {
            var holder = await connection.QueryFirstOrDefaultAsync<(string? Application, string? Address, DateTime? Since)>(
                """
                SELECT a.application_name, host(a.client_addr), a.backend_start
                FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.classid = @Application::oid AND l.objid = hashtext(@Key)::oid AND l.objsubid = 2
                LIMIT 1;
                """,
                Key(target)).ConfigureAwait(false);
            if (holder.Application is null && holder.Since is null)
            {
                return "held by another session";
            }

            var from = holder.Address is null ? string.Empty : " from " + holder.Address;
            var since = holder.Since is { } at ? string.Create(CultureInfo.InvariantCulture, $" since {at.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC") : string.Empty;
            return $"held by {(string.IsNullOrEmpty(holder.Application) ? "a session" : holder.Application)}{from}{since}";
        }
        catch (NpgsqlException)
        {
            // pg_stat_activity hides other users' sessions from non-superusers in some set-ups; the message only gets less detailed.
            return "held by another session";
        }
    }

    // PostgreSQL keeps 63 bytes of application_name.
    private static string Truncate(string name) => name.Length <= 63 ? name : name[..63];
}
