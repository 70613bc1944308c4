namespace HostawaySync.Engine.Api;

/// <summary>
/// The proactive rate limiter and concurrency limit shared by every request of a client.
/// A request holds one of the N budget permits from the moment it is sent until one window after its
/// response has been read. The server saw the request arrive somewhere in between, so any server window
/// holds at most N of our requests: a normal run never draws a 429, whatever the latency. A 429 (from
/// another client on the same account, say) closes a gate that pauses every request until the server's
/// retry time; nothing spins.
/// </summary>
internal sealed class RequestBudget : IDisposable
{
    private readonly SemaphoreSlim _permits;
    private readonly SemaphoreSlim _concurrency;
    private readonly TimeSpan _hold;
    private readonly TimeProvider _time;
    private readonly ApiCounters _counters;
    private readonly CancellationTokenSource _disposed = new();
    private long _gateUntilTicks;
    private int _limit;

    public RequestBudget(int requestsPerWindow, TimeSpan window, TimeSpan margin, int maxConcurrency, TimeProvider time, ApiCounters counters)
    {
        _permits = new SemaphoreSlim(requestsPerWindow, requestsPerWindow);
        _limit = requestsPerWindow;
        _concurrency = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        _hold = window + margin;
        _time = time;
        _counters = counters;
    }

    /// <summary>Waits for the 429 gate, a budget permit and a concurrency slot.</summary>
    public async ValueTask<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await WaitForGateAsync(cancellationToken).ConfigureAwait(false);
        await _permits.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _permits.Release();
            throw;
        }

        // A 429 may have closed the gate while this request queued.
        try
        {
            await WaitForGateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _concurrency.Release();
            _permits.Release();
            throw;
        }

        _counters.BudgetWait(_time.GetElapsedTime(started));
        return new Lease(this);
    }

    /// <summary>Pauses every request until <paramref name="until"/> (a 429's retry time).</summary>
    public void CloseGateUntil(DateTimeOffset until) => AtomicMax.Raise(ref _gateUntilTicks, until.UtcTicks);

    /// <summary>The budget in force (it only ever goes down).</summary>
    public int Limit => Volatile.Read(ref _limit);

    /// <summary>
    /// Lowers the budget to what the server says it enforces (a 429's <c>X-RateLimit-Limit</c>), so that a
    /// budget set too high stops drawing 429s. The surplus permits are taken out of circulation for good.
    /// </summary>
    public bool LowerLimit(int limit)
    {
        int current;
        do
        {
            current = Volatile.Read(ref _limit);
            if (limit <= 0 || limit >= current)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _limit, limit, current) != current);

        _ = RetirePermitsAsync(current - limit);
        return true;
    }

    /// <summary>How long the gate stays closed from now.</summary>
    public TimeSpan GateRemaining()
    {
        var remaining = new DateTimeOffset(Interlocked.Read(ref _gateUntilTicks), TimeSpan.Zero) - _time.GetUtcNow();
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        _permits.Dispose();
        _concurrency.Dispose();
    }

    private async ValueTask WaitForGateAsync(CancellationToken cancellationToken)
    {
        for (var remaining = GateRemaining(); remaining > TimeSpan.Zero; remaining = GateRemaining())
        {
            await Task.Delay(remaining, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Complete(bool sent)
    {
        _concurrency.Release();
        if (!sent)
        {
            _permits.Release();
            return;
        }

        _ = ReleasePermitLaterAsync();
    }

    private async Task RetirePermitsAsync(int count)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                await _permits.WaitAsync(_disposed.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone.
        }
    }

    private async Task ReleasePermitLaterAsync()
    {
        try
        {
            await Task.Delay(_hold, _time, _disposed.Token).ConfigureAwait(false);
            _permits.Release();
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone; nobody waits for the permit any more.
        }
    }

    /// <summary>One request's claim on the budget. Dispose it when the response has been read (or the send abandoned).</summary>
    public sealed class Lease : IDisposable
    {
        private readonly RequestBudget _owner;
        private int _done;

        internal Lease(RequestBudget owner) => _owner = owner;

        /// <summary>Set once the request has gone on the wire; until then disposing returns the permit at once.</summary>
        public bool Sent { get; set; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                _owner.Complete(Sent);
            }
        }
    }
}
