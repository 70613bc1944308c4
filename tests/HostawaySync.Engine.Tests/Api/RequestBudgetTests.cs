using System.Net;
using HostawaySync.Engine.Api;
using Microsoft.Extensions.Time.Testing;

namespace HostawaySync.Engine.Tests.Api;

public sealed class RequestBudgetTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    private HostawayClientOptions Options(int? perWindow, int concurrency = 100) => new()
    {
        Credential = new NetworkCredential("1", "secret"),
        RequestsPer10Seconds = perWindow,
        MaxConcurrency = concurrency,
        BudgetMargin = TimeSpan.Zero,
        TimeProvider = _time,
    };

    private RequestBudget Budget(int perWindow, int concurrency = 100) => new(Options(perWindow, concurrency), new ApiCounters());

    private RequestBudget Auto(bool probe, RateLimitFinding? known = null, int concurrency = 8) =>
        new(Options(null, concurrency) with { ProbeRateLimit = probe, KnownRateLimit = known }, new ApiCounters());

    private static async Task<RequestBudget.Lease> Sent(RequestBudget budget)
    {
        var lease = await budget.AcquireAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        lease.MarkSent();
        return lease;
    }

    /// <summary>Sends and answers <paramref name="count"/> requests one after the other, each counted by the server.</summary>
    private static async Task PassAsync(RequestBudget budget, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var lease = await Sent(budget);
            lease.MarkPassed();
        }
    }

    [Fact]
    public async Task A_sent_request_holds_its_permit_until_one_window_after_it_completed()
    {
        using var budget = Budget(3);
        for (var i = 0; i < 3; i++)
        {
            using var lease = await Sent(budget);
        }

        var fourth = budget.AcquireAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(9.9));
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(0.2));
        (await fourth.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_set_budget_is_never_exceeded_in_any_window()
    {
        // For 25 s of fake time a request is asked for whenever the last one was granted: every 10-second window holds at most 7.
        using var budget = Budget(7);
        var grants = new List<DateTimeOffset>();
        for (var tick = 0; tick < 250; tick++)
        {
            while (true)
            {
                using var cancel = new CancellationTokenSource();
                var acquiring = budget.AcquireAsync(cancel.Token).AsTask();
                if (await Task.WhenAny(acquiring, Task.Delay(10)) != acquiring)
                {
                    await cancel.CancelAsync();
                    try
                    {
                        (await acquiring).Dispose();
                    }
                    catch (OperationCanceledException)
                    {
                        // Not granted: the budget is spent for now.
                    }

                    break;
                }

                using var lease = await acquiring;
                lease.MarkSent();
                lease.MarkPassed();
                grants.Add(_time.GetUtcNow());
            }

            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.True(grants.Count >= 14, $"only {grants.Count} requests were granted in 25 s");
        foreach (var start in grants)
        {
            Assert.True(grants.Count(g => g >= start && g < start.AddSeconds(10)) <= 7, $"more than 7 requests in the window from {start:HH:mm:ss.fff}");
        }

        Assert.Equal(7, budget.Limit);
        Assert.Equal(BudgetSource.Setting, budget.Source);
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
    public async Task A_wall_clock_set_back_while_the_gate_is_closed_does_not_keep_it_closed()
    {
        // The system clock is corrected an hour back one second into a 5-second pause: the pause still ends 5 s after the 429.
        var clock = new CorrectedClock(_time);
        using var budget = new RequestBudget(Options(10) with { TimeProvider = clock }, new ApiCounters());
        budget.CloseGateUntil(clock.GetUtcNow().AddSeconds(5));

        var waiting = budget.AcquireAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(1));
        clock.Correction = TimeSpan.FromHours(-1);
        _time.Advance(TimeSpan.FromSeconds(3.9));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(0.1), budget.GateRemaining());

        _time.Advance(TimeSpan.FromSeconds(0.1));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(TimeSpan.Zero, budget.GateRemaining());
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
    public async Task A_429_naming_a_lower_limit_lowers_a_set_budget_to_it_and_finds_nothing()
    {
        using var budget = Budget(5);
        Assert.Equal(2, budget.RateLimited(2, "account"));
        Assert.Null(budget.RateLimited(3, "account"));
        Assert.Equal(2, budget.Limit);
        Assert.Null(budget.Finding.Finding);

        for (var i = 0; i < 2; i++)
        {
            using var lease = await Sent(budget);
        }

        var third = budget.AcquireAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
    }

    [Fact]
    public async Task Waiting_can_be_cancelled()
    {
        using var budget = Budget(1);
        using var held = await Sent(budget);
        using var cancel = new CancellationTokenSource();

        var waiting = budget.AcquireAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Auto_without_a_probe_starts_at_the_stored_limit_or_the_lowest_published()
    {
        using (var lowest = Auto(probe: false))
        {
            Assert.Equal(RatePolicy.Spend(RatePolicy.LowestPublished), lowest.Limit);
            Assert.Equal(BudgetSource.LowestPublished, lowest.Source);
        }

        var stored = new RateLimitFinding(200, RateLimitBasis.Probe, null, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), 185);
        using var known = Auto(probe: false, stored);
        Assert.Equal(190, known.Limit);
        Assert.Equal(BudgetSource.Stored, known.Source);

        // No probe: past the stored budget's slots, requests wait for the window like any budget.
        for (var i = 0; i < 190; i++)
        {
            (await Sent(known)).Dispose();
        }

        var next = known.AcquireAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(next.IsCompleted);
    }

    [Fact]
    public async Task A_probe_goes_one_at_a_time_past_the_lowest_published_limit_until_the_window_shows_more_than_20()
    {
        using var budget = Auto(probe: true, concurrency: 20);
        Assert.Equal(BudgetSource.Probing, budget.Source);
        var first = new List<RequestBudget.Lease>();
        for (var i = 0; i < RatePolicy.LowestPublished; i++)
        {
            first.Add(await Sent(budget));
        }

        // The 16th waits while any request is in flight...
        var sixteenth = budget.AcquireAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(sixteenth.IsCompleted);
        foreach (var lease in first)
        {
            lease.MarkPassed();
            lease.Dispose();
        }

        // ...and goes alone.
        using (var alone = await sixteenth.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            alone.MarkSent();
            var seventeenth = budget.AcquireAsync(CancellationToken.None).AsTask();
            await Task.Delay(50);
            Assert.False(seventeenth.IsCompleted);
            alone.MarkPassed();
            alone.Dispose();
            using var next = await seventeenth.WaitAsync(TimeSpan.FromSeconds(5));
            next.MarkSent();
            next.MarkPassed();
        }

        // 17 passed; four more one at a time make 21 in one window: then as many go at once as the concurrency allows.
        await PassAsync(budget, RatePolicy.SerialProbeCeiling - 17);
        Assert.Equal(RatePolicy.SerialProbeCeiling, budget.MostPassedInWindow);
        var parallel = new List<RequestBudget.Lease>();
        for (var i = 0; i < 20; i++)
        {
            parallel.Add(await Sent(budget));
        }

        parallel.ForEach(l => l.Dispose());
        Assert.Equal(BudgetSource.Probing, budget.Source);
    }

    [Fact]
    public async Task A_429_while_probing_sets_the_budget_from_the_limit_it_names()
    {
        using var budget = Auto(probe: true);
        await PassAsync(budget, 15);

        Assert.Equal(14, budget.RateLimited(15, "ip"));

        Assert.Equal(BudgetSource.Discovered, budget.Source);
        var (finding, version) = budget.Finding;
        Assert.Equal(1, version);
        Assert.Equal(new RateLimitFinding(15, RateLimitBasis.Header, "ip", _time.GetUtcNow().UtcDateTime, 15), finding);
    }

    [Fact]
    public async Task A_429_without_a_limit_header_while_probing_takes_what_passed_in_the_window()
    {
        using var budget = Auto(probe: true);
        await PassAsync(budget, 18);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(RatePolicy.Spend(18), budget.RateLimited(null, null));

        Assert.Equal(new RateLimitFinding(18, RateLimitBasis.Refusal, null, _time.GetUtcNow().UtcDateTime, 18), budget.Finding.Finding);
    }

    [Fact]
    public async Task Enough_requests_passing_in_one_window_settle_the_probe_on_the_highest_published_limit()
    {
        using var budget = Auto(probe: true);
        await PassAsync(budget, RatePolicy.ProbeConfirms - 1);
        Assert.Null(budget.Finding.Finding);

        await PassAsync(budget, 1);

        Assert.Equal(BudgetSource.Discovered, budget.Source);
        Assert.Equal(RatePolicy.Spend(RatePolicy.HighestPublished), budget.Limit);
        Assert.Equal(new RateLimitFinding(RatePolicy.HighestPublished, RateLimitBasis.Probe, null, _time.GetUtcNow().UtcDateTime, RatePolicy.ProbeConfirms), budget.Finding.Finding);
    }

    [Fact]
    public async Task Requests_spread_over_more_than_a_window_prove_nothing()
    {
        using var budget = Auto(probe: true);
        for (var i = 0; i < 30; i++)
        {
            await PassAsync(budget, 1);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(10, budget.MostPassedInWindow);
        Assert.Null(budget.Finding.Finding);
    }

    [Fact]
    public void A_429_after_the_probe_lowers_the_budget_at_once_and_is_a_new_finding()
    {
        var stored = new RateLimitFinding(200, RateLimitBasis.Probe, null, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), 185);
        using var budget = Auto(probe: false, stored);

        Assert.Equal(19, budget.RateLimited(20, "account"));

        Assert.Equal(BudgetSource.Discovered, budget.Source);
        Assert.Equal(20, budget.Finding.Finding!.Limit);
        Assert.Equal(1, budget.Finding.Version);

        // One naming a limit the budget is already under changes nothing but the finding's date.
        Assert.Null(budget.RateLimited(20, "account"));
        Assert.Equal(19, budget.Limit);
    }

    [Fact]
    public async Task The_requests_the_last_run_left_in_the_window_count_as_spent_until_they_leave_it()
    {
        var start = _time.GetUtcNow();
        using var budget = new RequestBudget(Options(5) with { RecentRequests = [new(start.AddSeconds(1).UtcDateTime, 1), new(start.AddSeconds(3).UtcDateTime, 3)] }, new ApiCounters());
        (await Sent(budget)).Dispose();

        // Four slots held by the last run, one by this request: the next waits for the first of the last run's to leave.
        var second = budget.AcquireAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(0.9));
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(0.2));
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        // What the next run would count: the last run's three until 3 s, this run's one until a window after it was sent
        // (the second was never sent).
        Assert.Equal([new SlotRelease(start.AddSeconds(3).UtcDateTime, 3), new SlotRelease(start.AddSeconds(10).UtcDateTime, 1)], budget.Recent());
        Assert.Equal(3, budget.Recent(requestsToCome: 2).Count);
    }

    [Fact]
    public async Task A_stored_time_far_ahead_holds_the_last_runs_requests_one_window_at_most()
    {
        using var budget = new RequestBudget(Options(3) with { RecentRequests = [new(_time.GetUtcNow().AddDays(1).UtcDateTime, 3)] }, new ApiCounters());
        var first = budget.AcquireAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(first.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(10));
        (await first.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    /// <summary>A wall clock that can be set back or forward (as NTP does); its monotonic clock and timers stay the fake's.</summary>
    private sealed class CorrectedClock(FakeTimeProvider inner) : TimeProvider
    {
        public TimeSpan Correction { get; set; }

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Correction;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
