using System.Globalization;
using HostawaySync.Simulator;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Peak working set of a full sync in its own process (tests/HostawaySync.SyncHost) at three account sizes, 1×, 4× and
/// 16×. The simulator stays in this process; the child reports its kernel high-water mark (VmHWM) when it ends.
/// </summary>
public static class MemoryBenchmarks
{
    private static readonly (int Scale, DatasetOptions Dataset)[] Sizes =
    [
        (1, new DatasetOptions(25, 1_250, 6)),
        (4, new DatasetOptions(100, 5_000, 6)),
        (16, new DatasetOptions(400, 20_000, 6)),
    ];

    public static async Task<BenchmarkResult> PeakWorkingSetAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var host = ChildProcess.FindBuilt(Path.Combine("tests", "HostawaySync.SyncHost", "bin", configuration, "net10.0", "HostawaySync.SyncHost.dll"));
        var figures = new List<Figure>();
        var peaks = new List<long>();
        var failures = 0;
        foreach (var (scale, dataset) in Sizes)
        {
            using var folder = new BenchFolder($"memory-{scale}x");
            await using var simulator = await HostawaySimulator.StartAsync(new SimulatorOptions { Seed = 45, Dataset = dataset, Settings = SimulatedAccount.Unlimited });
            var counts = simulator.GetCounts();
            var (exit, output, errors, elapsed) = await ChildProcess.RunAsync(
                "dotnet",
                [host, simulator.BaseUrl.ToString(), simulator.AccountId.ToString(CultureInfo.InvariantCulture), folder.Combine("hostaway.db"), folder.Combine("conversations"), "Full", "--report-peak"],
                new Dictionary<string, string> { ["HOSTAWAY_API_KEY"] = simulator.ClientSecret });
            var peakLine = output.Split('\n').FirstOrDefault(l => l.StartsWith("peak-working-set ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"The sync host reported no peak (exit code {exit}): {output} {errors}");
            var peak = long.Parse(peakLine["peak-working-set ".Length..].Trim(), CultureInfo.InvariantCulture);
            failures += exit == 0 ? 0 : 1;
            peaks.Add(peak);
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{peak / 1048576.0:0.0} MB ({counts.Reservations:N0} reservations, {counts.Conversations:N0} conversations, {counts.Messages:N0} messages; {(exit == 0 ? "succeeded" : "FAILED")} in {elapsed.TotalSeconds:0.0} s)");
            figures.Add(new Figure($"peak working set at {scale}×", text, peak / 1048576.0));
            Console.WriteLine($"   {scale}×: {text}");
        }

        var ratio = (double)peaks[^1] / peaks[0];
        var largestMb = peaks[^1] / 1048576.0;
        figures.Add(Figure.Of("largest ÷ smallest", ratio, "0.00"));
        figures.Add(Figure.Of("largest (MB)", largestMb, "0.0"));
        return new BenchmarkResult("memory", figures, "largest ≤ 1.5 × smallest and ≤ 300 MB", failures == 0 && ratio <= 1.5 && largestMb <= 300)
        {
            Title = "5. Memory",
            Headline = string.Create(CultureInfo.InvariantCulture, $"16× ÷ 1× = {ratio:0.00}; largest {largestMb:0} MB"),
            Note = string.Create(CultureInfo.InvariantCulture,
                $"From 1× to 16× the data the peak grew by {(peaks[^1] - peaks[0]) / 1048576.0:0} MB; the rest is what any sync costs whatever the account's size (the .NET runtime, the HTTP client, buffers, SQLite's page cache of at most 16 MB). Pages, conversations and messages stream from the API to the store and files; what the run keeps grows only with the number of ids (ids due for messages, names of the conversation files)."),
            Method = "A full sync (listings, reservations, conversations and messages) in a separate process (tests/HostawaySync.SyncHost) against the simulator in the benchmark process, at 1×, 4× and 16× an account of 1,250 reservations (25 listings per 1,250 reservations, 6 messages per conversation on average). Peak working set = the child's VmHWM from /proc/self/status as it exits (Process.PeakWorkingSet64 elsewhere).",
        };
    }
}
