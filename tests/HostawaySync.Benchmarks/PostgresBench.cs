using System.Globalization;
using Dapper;
using HostawaySync.Engine.Store.Postgres;
using HostawaySync.Engine.Tests.Postgres;
using Npgsql;

namespace HostawaySync.Benchmarks;

/// <summary>
/// The PostgreSQL server the PostgreSQL scenarios run against: the one HOSTAWAY_TEST_POSTGRES_URL names, or a throwaway
/// one started from the installed binaries (as the engine tests start it: initdb in a temporary folder, a free loopback
/// port, run as the postgres user when root), stopped and deleted afterwards.
/// </summary>
public static class PostgresBench
{
    /// <summary>
    /// Starts (or connects to) the server, with PostgreSQL's default durability (every commit flushed), as a user's server
    /// runs; a machine without one makes the scenario fail with the reason.
    /// </summary>
    public static PostgresServer StartServer() =>
        PostgresServer.SkipReason is { } reason ? throw new InvalidOperationException(reason) : PostgresServer.StartDurable();

    /// <summary>The server's version and how it runs, for the report.</summary>
    public static string Describe(PostgresServer server)
    {
        using var connection = new NpgsqlConnection(server.AdminConnectionString);
        var version = connection.ExecuteScalar<string>("SHOW server_version;");
        var settings = connection.Query<(string Name, string Setting)>(
            "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers') ORDER BY name;")
            .Select(s => s.Name + "=" + s.Setting);
        var where = server.IsThrowaway ? "a throwaway server on 127.0.0.1 started from the Debian binaries" : $"the server {PostgresServer.UrlVariable} names";
        return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {version}, {where} ({string.Join(", ", settings)})");
    }

    /// <summary>A fresh database's store target (HostawaySync's default schema in it).</summary>
    internal static PostgresTarget Target(PostgresDatabase database) => PostgresTarget.Parse(database.ConnectionString, PostgresTarget.DefaultSchema);

    /// <summary>
    /// The server's main process (the parent of this connection's backend), when the server runs on this machine and its
    /// processes can be read; else null.
    /// </summary>
    public static int? Postmaster(NpgsqlConnection connection)
    {
        var backend = connection.ExecuteScalar<int>("SELECT pg_backend_pid();");
        return Stat(backend) is { } stat ? (int)stat[1] : null;
    }

    /// <summary>
    /// CPU time of the whole server so far: its main process, the children it has reaped (ended backends) and the live
    /// ones (backends, WAL writer, checkpointer, autovacuum); null where /proc cannot tell.
    /// </summary>
    public static TimeSpan? ServerCpu(int? postmaster)
    {
        if (postmaster is null || Stat(postmaster.Value) is not { } main)
        {
            return null;
        }

        var ticks = main[11] + main[12] + main[13] + main[14];
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } child && child[1] == postmaster)
            {
                ticks += child[11] + child[12];
            }
        }

        // Linux reports these in clock ticks of 1/100 s (USER_HZ).
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    // The numeric fields of /proc/<pid>/stat after the command name ([1] is the parent, [11] to [14] utime, stime, cutime, cstime).
    private static long[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ').Select(f => long.TryParse(f, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A connection to the schema HostawaySync writes (search_path set to it).</summary>
    public static NpgsqlConnection OpenSchema(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = PostgresTarget.DefaultSchema, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }
}
