using HostawaySync.Engine.Api;
using Microsoft.Extensions.Time.Testing;

namespace HostawaySync.Engine.Tests.Api;

public sealed class RequestBudgetTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    private RequestBudget Budget(int perWindow, int concurrency = 100) =>
        new(perWindow, TimeSpan.FromSeconds(10), TimeSpan.Zero, concurrency, _time, new ApiCounters());

    [Fact]
    public async Task A_sent_request_holds_its_permit_until_one_window_after_it_completed()
    {
        using var budget = Budget(3);
        for (var i = 0; i < 3; i++)
        {
            using var lease = await budget.AcquireAsync(CancellationToken.None);
            lease.Sent = true;
        }

        var fourth = budget.AcquireAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(9.9));
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(0.2));
        (await fourth.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_request_that_was_never_sent_returns_its_permit_at_once()
    {
        using var budget = Budget(1);
        (await budget.AcquireAsync(CancellationToken.None)).Dispose();

        using var next = await budget.AcquireAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Concurrency_is_bounded_independently_of_the_budget()
    {
        using var budget = Budget(100, concurrency: 2);
        var first = await budget.AcquireAsync(CancellationToken.None);
        using var second = await budget.AcquireAsync(CancellationToken.None);

        var third = budget.AcquireAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        first.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_closed_gate_holds_every_request_until_the_retry_time()
    {
        using var budget = Budget(10);
        budget.CloseGateUntil(_time.GetUtcNow().AddSeconds(5));

        var waiting = budget.AcquireAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(1), budget.GateRemaining());

        _time.Advance(TimeSpan.FromSeconds(1));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Lowering_the_limit_takes_permits_out_of_circulation()
    {
        using var budget = Budget(5);
        Assert.True(budget.LowerLimit(2));
        Assert.False(budget.LowerLimit(3));
        Assert.Equal(2, budget.Limit);
        await Task.Delay(50);

        for (var i = 0; i < 2; i++)
        {
            using var lease = await budget.AcquireAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            lease.Sent = true;
        }

        var third = budget.AcquireAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
    }

    [Fact]
    public async Task Waiting_can_be_cancelled()
    {
        using var budget = Budget(1);
        using var held = await budget.AcquireAsync(CancellationToken.None);
        held.Sent = true;
        using var cancel = new CancellationTokenSource();

        var waiting = budget.AcquireAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
