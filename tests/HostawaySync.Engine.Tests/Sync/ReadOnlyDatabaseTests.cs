using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>A database that refuses writes: a clear HostawayDatabaseNotWritable, nothing stored lost, and no trap left behind.</summary>
public sealed class ReadOnlyDatabaseTests
{
    [ReadOnlyFileFact]
    public async Task A_run_on_a_read_only_database_fails_with_HostawayDatabaseNotWritable_and_creates_no_side_files()
    {
        await using var harness = await SyncHarness.StartAsync(51, DatasetOptions.Tiny);
        await harness.RunAsync(SyncMode.Full);
        var before = StoreSnapshot.Read(harness.DatabasePath);
        DatabaseInitializer.Initialize(harness.DatabasePath);   // the last writer to close removes the side files the read left
        Assert.False(File.Exists(harness.DatabasePath + "-shm"));
        ReadOnlyFileFactAttribute.MakeReadOnly(harness.DatabasePath);
        HostawayException error;
        try
        {
            error = await Assert.ThrowsAsync<HostawayException>(() => harness.RunAsync());
            // Side files made now would carry the read-only file's permissions and keep refusing writes after it is fixed.
            Assert.False(File.Exists(harness.DatabasePath + "-wal"));
            Assert.False(File.Exists(harness.DatabasePath + "-shm"));
        }
        finally
        {
            ReadOnlyFileFactAttribute.MakeWritable(harness.DatabasePath);
        }

        var next = await harness.RunAsync();

        Assert.Equal(ErrorIds.DatabaseNotWritable, error.ErrorId);
        Assert.Equal(ErrorKind.StoreNotWritable, error.Kind);
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(SyncStatus.Succeeded, next.Status);
        Assert.Empty(before.LostIn(StoreSnapshot.Read(harness.DatabasePath)));
        harness.AssertEqualsGroundTruth();
    }

    [ReadOnlyFileFact(throughOpenFiles: true)]
    public async Task A_database_that_stops_taking_writes_mid_run_ends_the_run_with_HostawayDatabaseNotWritable_and_keeps_what_was_stored()
    {
        await using var harness = await SyncHarness.StartAsync(52, DatasetOptions.Small);
        var files = new[] { harness.DatabasePath, harness.DatabasePath + "-wal" };
        StoreSnapshot? before = null;
        var freeze = new OnProgress(SyncResources.Conversations, 30, () =>
        {
            before = StoreSnapshot.Read(harness.DatabasePath);
            ReadOnlyFileFactAttribute.MakeReadOnly(files);
        });
        SyncRunResult failed;
        StoreSnapshot after;
        try
        {
            failed = await SyncRunner.RunAsync(harness.Options(SyncMode.Full), progress: freeze);
            after = StoreSnapshot.Read(harness.DatabasePath);
        }
        finally
        {
            ReadOnlyFileFactAttribute.MakeWritable(files);
        }

        var next = await harness.RunAsync();

        Assert.NotNull(before);
        Assert.Equal(SyncStatus.Partial, failed.Status);
        Assert.Equal(ErrorIds.DatabaseNotWritable, failed.Error?.ErrorId);
        Assert.Equal(SyncStatus.Failed, failed.Resources.Single(r => r.Resource == SyncResources.Conversations).Status);
        Assert.Equal("ok", after.Integrity);
        Assert.Empty(before.LostIn(after));
        Assert.Equal(SyncStatus.Succeeded, next.Status);
        harness.AssertEqualsGroundTruth();
    }

    private sealed class OnProgress(SyncResources resource, long done, Action action) : ISyncProgress
    {
        private int _fired;

        public void Report(SyncProgressUpdate update)
        {
            if (update.Resource == resource && update.Done >= done && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                action();
            }
        }
    }
}
