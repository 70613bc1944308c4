namespace HostawaySync.Benchmarks;

/// <summary>A unique temporary folder for one scenario, removed afterwards (kept when HOSTAWAYSYNC_BENCH_KEEP=1, to look into).</summary>
public sealed class BenchFolder : IDisposable
{
    public BenchFolder(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hostawaysync-bench", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("HOSTAWAYSYNC_BENCH_KEEP") == "1")
        {
            Console.WriteLine($"   kept {Path}");
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
