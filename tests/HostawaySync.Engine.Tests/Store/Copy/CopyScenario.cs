using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Copy;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Store.Copy;

/// <summary>
/// What the copy tests share: a simulated account synced in full into the harness's SQLite database, and the check that
/// a copy's next sync is the incremental the source would have run: same requests, same changes, nothing rewritten.
/// </summary>
public static class CopyScenario
{
    /// <summary>
    /// The account synced in full into the harness's database, or into <paramref name="store"/> with its conversation
    /// files in <paramref name="conversationsPath"/>.
    /// </summary>
    public static async Task<SyncHarness> SyncedAsync(int seed, DatasetOptions dataset, StoreLocation? store = null, string? conversationsPath = null)
    {
        var harness = await StartAsync(seed, dataset);
        try
        {
            var full = store is null
                ? await harness.RunAsync(SyncMode.Full)
                : await SyncRunner.RunAsync(harness.Options(SyncMode.Full) with { Store = store, ConversationsPath = conversationsPath ?? harness.ConversationsPath });
            Assert.Equal(SyncStatus.Succeeded, full.Status);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>A simulator that needs no wait before a new token is used (these tests run many syncs), and its harness.</summary>
    public static async Task<SyncHarness> StartAsync(int seed, DatasetOptions dataset)
    {
        var harness = await SyncHarness.StartAsync(seed, dataset, new SimulatorSettings { AccountRequestsPer10Seconds = 0, IpRequestsPer10Seconds = 0, TokenWarmup = TimeSpan.Zero });
        harness.ClientTokenWarmup = TimeSpan.Zero;
        return harness;
    }

    /// <summary>
    /// Changes the account, then runs the next sync (no mode asked: the engine chooses, as a scheduled sync would) on the
    /// copy with the conversation files the source used, and on the source with a copy of those files made before; both
    /// must be incremental and cost and change exactly the same. The source is the harness's database unless given.
    /// </summary>
    public static async Task<SyncRunResult> AssertNextSyncIsTheSourcesAsync(
        SyncHarness harness, StoreLocation copy, string workFolder, int seed, StoreLocation? source = null, string? sourceConversations = null)
    {
        var files = sourceConversations ?? harness.ConversationsPath;
        var sourceFiles = Path.Combine(workFolder, "source-conversations-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        CopyFolder(files, sourceFiles);
        harness.Simulator.Mutate(new MutationRequest { NewReservations = 3, UpdatedReservations = 4, CancelledReservations = 1, NewMessages = 5, UpdatedListings = 1, Seed = seed });

        harness.Simulator.ResetStats();
        var onCopy = await SyncRunner.RunAsync(harness.Options() with { Store = copy, ConversationsPath = files });
        var copyRequests = harness.Simulator.GetStats().Requests;
        harness.Simulator.ResetStats();
        var onSource = await SyncRunner.RunAsync(harness.Options() with { Store = source ?? harness.DatabasePath, ConversationsPath = sourceFiles });
        var sourceRequests = harness.Simulator.GetStats().Requests;

        Assert.Equal((SyncStatus.Succeeded, SyncMode.Incremental), (onSource.Status, onSource.Mode));
        Assert.Equal((SyncStatus.Succeeded, SyncMode.Incremental), (onCopy.Status, onCopy.Mode));
        Assert.Equal(sourceRequests, copyRequests);
        Assert.Equal(Changes(onSource), Changes(onCopy));
        Assert.All(onCopy.Resources.Where(r => r.Resource != SyncResources.Listings), r => Assert.Equal(SyncMode.Incremental, r.Mode));
        return onCopy;
    }

    /// <summary>
    /// Runs a copy and cancels it after <paramref name="batches"/> batches, asserting it stops with OperationCanceledException;
    /// returns what <paramref name="probe"/> (another reader of the destination) saw just before, while the copy was under way.
    /// </summary>
    public static async Task<long> CancelAfterBatchesAsync(StoreCopyOptions options, int batches, Func<long> probe)
    {
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        long probed = -1;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StoreCopier.CopyAsync(options, progress: p =>
        {
            if (!p.Completed && p.Done > 0 && ++seen == batches)
            {
                probed = probe();
                cancel.Cancel();
            }
        }, cancellationToken: cancel.Token));
        Assert.Equal(batches, seen);
        return probed;
    }

    public static List<(SyncResources, SyncMode, int, int, int, int, long, long)> Changes(SyncRunResult run) =>
        [.. run.Resources.Select(r => (r.Resource, r.Mode, r.Created, r.Updated, r.Unchanged, r.Deleted, r.Messages, r.Requests))];

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
