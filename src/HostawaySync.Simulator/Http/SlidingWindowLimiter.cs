namespace HostawaySync.Simulator.Http;

/// <summary>
/// Sliding 10-second windows per key. A request must fit in all its buckets (IP and, with a valid token, the
/// account); it is checked against all of them and only then recorded in all, so a rejected request consumes
/// nothing. Runs on real time: clients wait in real time, and <c>X-RateLimit-Retry-After</c> is a real Unix time.
/// </summary>
internal sealed class SlidingWindowLimiter(TimeProvider time)
{
    /// <summary>The window length.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Checks and, when every bucket has room, records a request.</summary>
    public RateDecision TryAcquire(IReadOnlyList<RateBucket> buckets)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            RateDecision? rejection = null;
            foreach (var bucket in buckets)
            {
                if (bucket.Limit <= 0)
                {
                    continue;
                }

                var queue = Prune(bucket.Key, now);
                if (queue.Count >= bucket.Limit)
                {
                    // The slot frees when enough of the oldest requests leave the window (the limit may have been lowered).
                    var freeAt = queue.ElementAt(queue.Count - bucket.Limit) + Window;
                    var retry = (long)Math.Ceiling(freeAt.ToUnixTimeMilliseconds() / 1000.0);
                    if (rejection is null || retry > rejection.Value.RetryAfterUnixSeconds)
                    {
                        rejection = new RateDecision(false, bucket.Limit, bucket.Applied, retry) { Key = bucket.Key, At = now };
                    }
                }
            }

            if (rejection is not null)
            {
                return rejection.Value;
            }

            foreach (var bucket in buckets)
            {
                if (bucket.Limit > 0)
                {
                    _windows[bucket.Key].Enqueue(now);
                }
            }

            return RateDecision.Allow;
        }
    }

    private Queue<DateTimeOffset> Prune(string key, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(key, out var queue))
        {
            queue = new Queue<DateTimeOffset>();
            _windows[key] = queue;
        }

        while (queue.Count > 0 && queue.Peek() <= now - Window)
        {
            queue.Dequeue();
        }

        return queue;
    }
}
