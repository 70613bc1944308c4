using System.Diagnostics;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Tests.Store;

public sealed class WriterLockTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_second_writer_waits_then_fails_with_HostawaySyncInProgress()
    {
        var database = _temp.Combine("hostaway.db");
        using var first = await WriterLock.AcquireAsync(database, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<HostawayException>(() => WriterLock.AcquireAsync(database, TimeSpan.FromMilliseconds(600)));

        Assert.Equal(ErrorIds.SyncInProgress, error.ErrorId);
        Assert.Equal(ErrorKind.StoreLocked, error.Kind);
        Assert.Contains($"process {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(550), $"gave up after {clock.ElapsedMilliseconds} ms instead of waiting");
    }

    [Fact]
    public async Task A_waiting_writer_gets_the_lock_when_the_first_one_finishes()
    {
        var database = _temp.Combine("hostaway.db");
        var first = await WriterLock.AcquireAsync(database, TimeSpan.Zero);

        var second = WriterLock.AcquireAsync(database, TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        first.Dispose();

        using var acquired = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.EndsWith(".sync-lock", acquired.Path, StringComparison.Ordinal);
    }
}
