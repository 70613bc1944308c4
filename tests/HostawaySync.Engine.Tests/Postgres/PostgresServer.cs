using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>
/// A PostgreSQL server for the tests: the one <c>HOSTAWAY_TEST_POSTGRES_URL</c> names, or a throwaway one made with the
/// installed binaries (initdb + pg_ctl) in a temporary folder on a free loopback port, stopped and deleted on Dispose and,
/// should the test process end without disposing it, on process exit. One instance serves a whole collection.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    /// <summary>A connection string (keyword or postgresql:// URL form) of an existing server to use instead.</summary>
    public const string UrlVariable = "HOSTAWAY_TEST_POSTGRES_URL";

    /// <summary>The throwaway server's superuser; every loopback connection is trusted except <see cref="PasswordUser"/>'s.</summary>
    private const string Superuser = "hostaway_test";

    /// <summary>The one user the throwaway server asks a password of (scram-sha-256), so authentication failures can be tested.</summary>
    public const string PasswordUser = "hostaway_password_user";

    private const string FolderPrefix = "hostawaysync-pg-";

    private const string OwnerFile = "owner.pid";

    private static readonly Lazy<string?> Binaries = new(PostgresBinaries.Find);

    private readonly string? folder;
    private readonly string? pgCtl;

    public PostgresServer()
        : this(durable: false)
    {
    }

    private PostgresServer(bool durable)
    {
        if (SkipReason is not null)
        {
            // Every test of the collection is skipped; the fixture stays inert rather than failing them.
            AdminConnectionString = string.Empty;
            return;
        }

        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(url))
        {
            // The engine's own reading of a URL or keyword string; the database defaults to "postgres" for the admin connection.
            var builder = new NpgsqlConnectionStringBuilder(Engine.Store.Postgres.PostgresUrl.Parse(url).ConnectionString) { Pooling = false };
            if (string.IsNullOrEmpty(builder.Database))
            {
                builder.Database = "postgres";
            }
            AdminConnectionString = builder.ConnectionString;
            return;
        }

        var bin = Binaries.Value!;
        pgCtl = Path.Combine(bin, "pg_ctl");
        // Under /tmp rather than the profile's temp folder: as root the server runs as the postgres user, who must reach it.
        folder = Path.Combine(Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        SweepAbandoned(Path.GetDirectoryName(folder)!, pgCtl);
        Directory.CreateDirectory(folder);
        // Whose server it is: a later run stops and deletes the servers of test processes that died without disposing theirs (kill -9).
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        try
        {
            PostgresProcess.GiveToServerUser(folder);
            var watch = Stopwatch.StartNew();
            PostgresProcess.Run(Path.Combine(bin, "initdb"), folder, "-D", DataFolder, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync");
            InitDbTime = watch.Elapsed;
            File.WriteAllText(Path.Combine(DataFolder, "pg_hba.conf"), $"""
                local all all trust
                host all {PasswordUser} 127.0.0.1/32 scram-sha-256
                host all all 127.0.0.1/32 trust
                """);
            PostgresProcess.GiveToServerUser(folder);
            watch.Restart();
            var port = FreePort();
            // Tests need no durability (the data is thrown away, and fsync-free commits keep them fast); benchmarks do, to
            // measure what a user's server (PostgreSQL's defaults: every commit flushed to disk) costs.
            var durability = durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            var options = string.Create(CultureInfo.InvariantCulture, $"-k {folder} -p {port} -c listen_addresses=127.0.0.1{durability}");
            PostgresProcess.Run(pgCtl, folder, "-D", DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", options, "start");
            StartTime = watch.Elapsed;
            AdminConnectionString = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username={Superuser};Database=postgres;Pooling=false");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>A throwaway server with PostgreSQL's default durability (fsync, synchronous commits), for benchmarks.</summary>
    public static PostgresServer StartDurable() => new(durable: true);

    /// <summary>Why no server can be had here, or null when one can (the reason a skipped test shows).</summary>
    public static string? SkipReason =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(UrlVariable)) ? null
        : Binaries.Value is null ? $"No PostgreSQL server: initdb and pg_ctl are not in /usr/lib/postgresql/*/bin nor on PATH (install the postgresql package), and {UrlVariable} is not set."
        : Environment.IsPrivilegedProcess && !PostgresProcess.ServerUserExists ? "Runs as root, whom initdb refuses, and there is no 'postgres' user to run the server as."
        : null;

    /// <summary>A superuser connection string to the server's postgres database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Whether this is the throwaway server, whose pg_hba.conf makes <see cref="PasswordUser"/> need a password.</summary>
    public bool IsThrowaway => folder is not null;

    public TimeSpan InitDbTime { get; }

    public TimeSpan StartTime { get; }

    private string DataFolder => Path.Combine(folder!, "data");

    /// <summary>
    /// Restarts the throwaway server (fast shutdown: every session is ended, as when an administrator restarts it), and
    /// waits until it takes connections again.
    /// </summary>
    public void Restart()
    {
        if (folder is null)
        {
            throw new InvalidOperationException("Only the throwaway server can be restarted by the tests.");
        }

        PostgresProcess.Run(pgCtl!, folder, "-D", DataFolder, "-l", Path.Combine(folder, "server.log"), "-m", "fast", "-w", "-t", "60", "restart");
    }

    /// <summary>Creates an empty database; the returned object drops it again.</summary>
    public PostgresDatabase CreateDatabase() => new(AdminConnectionString);

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Stop();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            PostgresProcess.Run(pgCtl!, folder, "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Stops and deletes the throwaway servers of test processes that no longer run (killed before they could clean up), so
    /// servers and folders do not pile up on a developer's machine. Servers of running processes are left alone.
    /// </summary>
    private static void SweepAbandoned(string parent, string pgCtl)
    {
        foreach (var stale in Directory.EnumerateDirectories(parent, FolderPrefix + "*"))
        {
            var owner = Path.Combine(stale, OwnerFile);
            try
            {
                var alive = File.Exists(owner)
                    ? int.TryParse(File.ReadAllText(owner).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsRunning(pid)
                    : Directory.GetLastWriteTimeUtc(stale) > DateTime.UtcNow.AddDays(-1);
                if (alive)
                {
                    continue;
                }

                var data = Path.Combine(stale, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    PostgresProcess.Run(pgCtl, stale, "-D", data, "-m", "immediate", "-w", "stop");
                }

                Directory.Delete(stale, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another run is sweeping it, or it is not ours to remove: leave it.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
