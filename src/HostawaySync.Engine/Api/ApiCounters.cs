namespace HostawaySync.Engine.Api;

/// <summary>Thread-safe counters behind <see cref="ApiRunStatistics"/>.</summary>
internal sealed class ApiCounters
{
    private long _requests;
    private long _retries;
    private long _rateLimited;
    private long _transientFailures;
    private long _tokensIssued;
    private long _bytesReceived;
    private long _budgetWaitTicks;
    private long _serverTimeTicks;

    /// <summary>The newest Date header the API sent (its clock, which also stamps the data), or null.</summary>
    public DateTimeOffset? ServerTime
    {
        get
        {
            var ticks = Interlocked.Read(ref _serverTimeTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void ServerDate(DateTimeOffset date) => AtomicMax.Raise(ref _serverTimeTicks, date.UtcTicks);

    public void Request() => Interlocked.Increment(ref _requests);

    public void Retry() => Interlocked.Increment(ref _retries);

    public void RateLimit() => Interlocked.Increment(ref _rateLimited);

    public void TransientFailure() => Interlocked.Increment(ref _transientFailures);

    public void TokenIssued() => Interlocked.Increment(ref _tokensIssued);

    public void Bytes(long count) => Interlocked.Add(ref _bytesReceived, count);

    public void BudgetWait(TimeSpan wait) => Interlocked.Add(ref _budgetWaitTicks, wait.Ticks);

    public ApiRunStatistics Snapshot() => new(
        Interlocked.Read(ref _requests), Interlocked.Read(ref _retries), Interlocked.Read(ref _rateLimited),
        Interlocked.Read(ref _transientFailures), Interlocked.Read(ref _tokensIssued), Interlocked.Read(ref _bytesReceived),
        TimeSpan.FromTicks(Interlocked.Read(ref _budgetWaitTicks)));
}
