namespace HostawaySync.Engine.Api;

/// <summary>
/// The proactive rate limiter and concurrency limit shared by every request of a client.
/// A request holds one of the budget's slots from the moment it is sent until one window after its response has been
/// read. The server saw the request arrive somewhere in between, so any server window holds at most as many of our
/// requests as the budget has slots: a normal run never draws a 429, whatever the latency. A 429 (from another client on
/// the same account, say) closes a gate that pauses every request until the server's retry time; nothing spins.
/// With the "auto" budget it also finds the account's limit, as <see cref="RatePolicy"/> describes.
/// Waiting requests are served in arrival order.
/// </summary>
internal sealed class RequestBudget : IDisposable
{
    private readonly object _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly TimeSpan _hold;
    private readonly TimeSpan _window;
    private readonly int _maxConcurrency;
    private readonly TimeProvider _time;
    private readonly ApiCounters _counters;
    private readonly CancellationTokenSource _disposed = new();
    private readonly bool _auto;
    private readonly List<DateTimeOffset> _passedSends = [];
    private readonly List<DateTimeOffset> _releases = [];
    // When the gate opens, on the monotonic clock (a wall clock set back meanwhile must not keep it closed): 0 when open.
    private long _gateUntilTimestamp;
    private bool _gateTimerSet;
    private int _limit;
    private int _held;
    private int _inFlight;
    private int _mostPassed;
    private bool _probing;
    private BudgetSource _source;
    private RateLimitFinding? _finding;
    private int _findingVersion;

    public RequestBudget(HostawayClientOptions options, ApiCounters counters)
    {
        _window = options.BudgetWindow;
        _hold = options.BudgetWindow + options.BudgetMargin;
        _maxConcurrency = options.MaxConcurrency;
        _time = options.TimeProvider;
        _counters = counters;
        // The last run's requests still count in the server's window: spent until they leave it (never longer than a hold,
        // whatever a stored time says).
        var now = _time.GetUtcNow();
        foreach (var slot in options.RecentRequests)
        {
            var wait = new DateTimeOffset(slot.At, TimeSpan.Zero) - now;
            if (wait <= TimeSpan.Zero || slot.Count <= 0)
            {
                continue;
            }

            wait = wait < _hold ? wait : _hold;
            _held += slot.Count;
            _releases.AddRange(Enumerable.Repeat(now + wait, slot.Count));
            _ = ReleaseLaterAsync(wait, slot.Count, now + wait);
        }

        if (options.RequestsPer10Seconds is { } explicitBudget)
        {
            _limit = explicitBudget;
            _source = BudgetSource.Setting;
            return;
        }

        _auto = true;
        var known = options.KnownRateLimit;
        _finding = known;
        _probing = options.ProbeRateLimit;
        _limit = RatePolicy.StartBudget(known, _probing);
        // Probing starts at the highest published pace; the first window's shape (see Admits) keeps the 429s to one.
        _source = _probing ? BudgetSource.Probing : known is null ? BudgetSource.LowestPublished : BudgetSource.Stored;
    }

    /// <summary>The budget in force: requests per window.</summary>
    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    /// <summary>Where the budget in force comes from.</summary>
    public BudgetSource Source
    {
        get
        {
            lock (_lock)
            {
                return _source;
            }
        }
    }

    /// <summary>What is known of the account's limit (auto budget only), and a number that changes whenever it does.</summary>
    public (RateLimitFinding? Finding, int Version) Finding
    {
        get
        {
            lock (_lock)
            {
                return (_finding, _findingVersion);
            }
        }
    }

    /// <summary>The most requests seen to pass inside one window.</summary>
    public int MostPassedInWindow
    {
        get
        {
            lock (_lock)
            {
                return _mostPassed;
            }
        }
    }

    /// <summary>
    /// The requests that may still count in the server's window, by the second they leave it (rounded up), with
    /// <paramref name="requestsToCome"/> more sent now: what the next run counts as spent.
    /// </summary>
    public IReadOnlyList<SlotRelease> Recent(int requestsToCome = 0)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            static DateTime Second(DateTimeOffset at) => new(((at.UtcTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            return [.. _releases.Where(at => at > now)
                .Concat(Enumerable.Repeat(now + _hold, _inFlight + requestsToCome))
                .GroupBy(Second)
                .OrderBy(group => group.Key)
                .Select(group => new SlotRelease(group.Key, group.Count()))];
        }
    }

    /// <summary>Waits for the 429 gate, a budget slot and a concurrency slot.</summary>
    public async ValueTask<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && GateRemainingLocked() == TimeSpan.Zero && Admits())
            {
                Grant();
                _counters.BudgetWait(_time.GetElapsedTime(started));
                return new Lease(this);
            }

            waiter = new Waiter(this, cancellationToken);
            waiter.Node = _waiters.AddLast(waiter);
            ScheduleGateLocked();
        }

        using (cancellationToken.Register(static state => ((Waiter)state!).Abandon(), waiter))
        {
            await waiter.Granted.Task.ConfigureAwait(false);
        }

        _counters.BudgetWait(_time.GetElapsedTime(started));
        return new Lease(this);
    }

    /// <summary>
    /// Pauses every request until <paramref name="until"/> (a 429's retry time), taken as a wait from now on the monotonic
    /// clock: a system clock corrected meanwhile (NTP, a daylight-saving mistake) neither extends nor shortens it.
    /// </summary>
    public void CloseGateUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            var wait = until - _time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            var opens = _time.GetTimestamp() + (long)Math.Ceiling(wait.TotalSeconds * _time.TimestampFrequency);
            _gateUntilTimestamp = Math.Max(_gateUntilTimestamp, opens);
            ScheduleGateLocked();
        }
    }

    /// <summary>How long the gate stays closed from now.</summary>
    public TimeSpan GateRemaining()
    {
        lock (_lock)
        {
            return GateRemainingLocked();
        }
    }

    /// <summary>
    /// A 429 arrived. <paramref name="serverLimit"/> (its <c>X-RateLimit-Limit</c>) lowers the budget to what the server
    /// enforces: the whole limit for a budget that was set, <see cref="RatePolicy.Spend"/> of it for auto, which also records
    /// the finding (without the header, a probe takes the requests that passed in the window as the limit). Returns the new
    /// budget when it changed, else null.
    /// </summary>
    public int? RateLimited(int? serverLimit, string? applied)
    {
        lock (_lock)
        {
            var before = _limit;
            if (!_auto)
            {
                if (serverLimit is { } limit && limit < _limit)
                {
                    _limit = limit;
                }

                return _limit == before ? null : _limit;
            }

            var now = _time.GetUtcNow();
            var passed = PassedInWindow(now);
            if (serverLimit is { } named)
            {
                Found(new RateLimitFinding(named, RateLimitBasis.Header, applied, now.UtcDateTime, passed), _probing || RatePolicy.Spend(named) < _limit);
            }
            else if (_probing)
            {
                Found(new RateLimitFinding(Math.Max(1, passed), RateLimitBasis.Refusal, applied, now.UtcDateTime, passed), true);
            }

            return _limit == before ? null : _limit;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        lock (_lock)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Granted.TrySetException(new ObjectDisposedException(nameof(RequestBudget)));
            }

            _waiters.Clear();
        }
    }

    /// <summary>Whether one more request may start now (the gate aside).</summary>
    private bool Admits()
    {
        if (_inFlight >= _maxConcurrency || _held >= _limit)
        {
            return false;
        }

        // Probing, past the lowest published limit and before the window showed the limit is above the per-account 20:
        // one request at a time, so an account at 15 or 20 draws one 429, which names its limit.
        return !_probing || _held < RatePolicy.LowestPublished || _mostPassed >= RatePolicy.SerialProbeCeiling || _inFlight == 0;
    }

    private void Grant()
    {
        _held++;
        _inFlight++;
    }

    /// <summary>Serves the waiters that may start now, in order.</summary>
    private void PumpLocked()
    {
        if (GateRemainingLocked() > TimeSpan.Zero)
        {
            ScheduleGateLocked();
            return;
        }

        while (_waiters.First is { } first && Admits())
        {
            _waiters.RemoveFirst();
            first.Value.Node = null;
            Grant();
            if (!first.Value.Granted.TrySetResult())
            {
                // Cancelled meanwhile (Abandon lost the race): the slot goes back.
                _held--;
                _inFlight--;
            }
        }
    }

    private bool Abandon(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node is not { } node)
            {
                return false;
            }

            _waiters.Remove(node);
            waiter.Node = null;
            waiter.Granted.TrySetCanceled(waiter.Token);
            return true;
        }
    }

    private TimeSpan GateRemainingLocked()
    {
        if (_gateUntilTimestamp == 0)
        {
            return TimeSpan.Zero;
        }

        var now = _time.GetTimestamp();
        if (now >= _gateUntilTimestamp)
        {
            _gateUntilTimestamp = 0;
            return TimeSpan.Zero;
        }

        return _time.GetElapsedTime(now, _gateUntilTimestamp);
    }

    /// <summary>Makes sure the waiters are served when the gate opens.</summary>
    private void ScheduleGateLocked()
    {
        var remaining = GateRemainingLocked();
        if (remaining == TimeSpan.Zero || _gateTimerSet || _waiters.Count == 0)
        {
            return;
        }

        _gateTimerSet = true;
        _ = ReopenLaterAsync(remaining);
    }

    private async Task ReopenLaterAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _disposed.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        lock (_lock)
        {
            _gateTimerSet = false;
            PumpLocked();
        }
    }

    /// <summary>The request went on the wire (<paramref name="sent"/>) or was abandoned before; its slot is held for the window, or returned.</summary>
    private void Complete(bool sent, DateTimeOffset? sentAt, bool passed)
    {
        lock (_lock)
        {
            _inFlight--;
            if (!sent)
            {
                _held--;
            }
            else if (passed && sentAt is { } at)
            {
                Passed(at);
            }

            PumpLocked();
        }

        if (sent)
        {
            DateTimeOffset at;
            lock (_lock)
            {
                at = _time.GetUtcNow() + _hold;
                _releases.Add(at);
            }

            _ = ReleaseLaterAsync(_hold, 1, at);
        }
    }

    /// <summary>
    /// Counts a request the API answered (not with a 429). The requests that passed and were sent after the answer's time
    /// minus one window all reached the server inside one window: the account allows at least that many. Only the auto
    /// budget needs it: a set budget keeps nothing (it may pass thousands of requests per window).
    /// </summary>
    private void Passed(DateTimeOffset sentAt)
    {
        if (!_auto)
        {
            return;
        }

        var now = _time.GetUtcNow();
        _passedSends.Add(sentAt);
        _passedSends.RemoveAll(t => t <= now - _window - _window);
        var passed = PassedInWindow(now);
        _mostPassed = Math.Max(_mostPassed, passed);
        if (_probing && passed >= RatePolicy.ProbeConfirms)
        {
            Found(new RateLimitFinding(RatePolicy.HighestPublished, RateLimitBasis.Probe, null, now.UtcDateTime, passed), true);
        }
    }

    private int PassedInWindow(DateTimeOffset now)
    {
        var count = 0;
        foreach (var sent in _passedSends)
        {
            if (sent > now - _window)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Records a finding; <paramref name="apply"/>: the budget becomes its spend (the probe ends).</summary>
    private void Found(RateLimitFinding finding, bool apply)
    {
        _finding = finding;
        _findingVersion++;
        if (apply)
        {
            _probing = false;
            _limit = RatePolicy.Spend(finding.Limit);
            _source = BudgetSource.Discovered;
        }
    }

    private async Task ReleaseLaterAsync(TimeSpan delay, int slots, DateTimeOffset at)
    {
        try
        {
            await Task.Delay(delay, _time, _disposed.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone; nobody waits for the slot any more.
            return;
        }

        lock (_lock)
        {
            _held -= slots;
            for (var i = 0; i < slots; i++)
            {
                _releases.Remove(at);
            }

            PumpLocked();
        }
    }

    private sealed class Waiter(RequestBudget owner, CancellationToken token)
    {
        public CancellationToken Token { get; } = token;

        public void Abandon() => owner.Abandon(this);

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }

    /// <summary>One request's claim on the budget. Dispose it when the response has been read (or the send abandoned).</summary>
    public sealed class Lease : IDisposable
    {
        private readonly RequestBudget _owner;
        private DateTimeOffset? _sentAt;
        private bool _passed;
        private int _done;

        internal Lease(RequestBudget owner) => _owner = owner;

        /// <summary>Whether the request has gone on the wire; until then disposing returns the slot at once.</summary>
        public bool Sent => _sentAt is not null;

        /// <summary>The request goes on the wire now.</summary>
        public void MarkSent() => _sentAt = _owner._time.GetUtcNow();

        /// <summary>The API answered it, not with a 429: it counted in the server's window.</summary>
        public void MarkPassed() => _passed = true;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                _owner.Complete(Sent, _sentAt, _passed);
            }
        }
    }
}
