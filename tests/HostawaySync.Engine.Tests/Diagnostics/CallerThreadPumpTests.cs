using HostawaySync.Engine.Diagnostics;

namespace HostawaySync.Engine.Tests.Diagnostics;

/// <summary>
/// The cmdlet/engine boundary: posted callbacks run on the calling thread in order, and <see cref="CallerThreadPump.Run{T}"/>
/// never returns while the work still runs, even when a callback throws as a stopped pipeline's WriteObject does.
/// </summary>
public sealed class CallerThreadPumpTests
{
    [Fact]
    public void Posted_callbacks_run_on_the_calling_thread_in_order_and_the_result_comes_back()
    {
        var pump = new CallerThreadPump();
        using var stop = new CancellationTokenSource();
        var caller = Environment.CurrentManagedThreadId;
        var ran = new List<(int Value, int Thread)>();

        var result = pump.Run(async token =>
        {
            await Task.Yield();
            for (var i = 0; i < 100; i++)
            {
                var value = i;
                Assert.True(pump.Post(() => ran.Add((value, Environment.CurrentManagedThreadId))));
            }

            return 42;
        }, stop);

        Assert.Equal(42, result);
        Assert.Equal(Enumerable.Range(0, 100), ran.Select(r => r.Value));
        Assert.All(ran, r => Assert.Equal(caller, r.Thread));
        Assert.False(pump.Post(() => ran.Add((-1, 0))), "a post after the work ended must be dropped");
    }

    [Fact]
    public void A_throwing_callback_cancels_the_work_and_is_rethrown_only_after_the_work_ended()
    {
        var pump = new CallerThreadPump();
        using var stop = new CancellationTokenSource();
        var workEnded = false;
        var laterCallbacks = 0;

        var thrown = Assert.Throws<InvalidOperationException>(() => pump.Run<int>(async token =>
        {
            try
            {
                pump.Post(() => throw new InvalidOperationException("the pipeline was stopped"));
                // The work goes on posting until it sees the cancellation, as a sync's progress reports would.
                while (true)
                {
                    pump.Post(() => laterCallbacks++);
                    await Task.Delay(10, token);
                }
            }
            finally
            {
                // Resources such as the writer lock are released here; Run must not return before this.
                await Task.Delay(200, CancellationToken.None);
                workEnded = true;
            }
        }, stop));

        Assert.Equal("the pipeline was stopped", thrown.Message);
        Assert.True(workEnded, "Run returned while the work was still running");
        Assert.True(stop.IsCancellationRequested);
        Assert.Equal(0, laterCallbacks);
    }

    [Fact]
    public void The_work_s_own_exception_comes_back_after_its_callbacks_ran()
    {
        var pump = new CallerThreadPump();
        using var stop = new CancellationTokenSource();
        var ran = 0;

        var thrown = Assert.Throws<TimeoutException>(() => pump.Run<int>(async token =>
        {
            await Task.Yield();
            pump.Post(() => ran++);
            throw new TimeoutException("engine failure");
        }, stop));

        Assert.Equal("engine failure", thrown.Message);
        Assert.Equal(1, ran);
        Assert.False(stop.IsCancellationRequested);
    }

    [Fact]
    public void Ctrl_c_cancels_the_work_through_the_token_and_run_ends_with_its_cancellation()
    {
        var pump = new CallerThreadPump();
        using var stop = new CancellationTokenSource();
        stop.CancelAfter(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => pump.Run(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return 0;
        }, stop));
    }
}
