using System.Threading.Channels;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Fetches from the API with several requests in flight (so the rate budget is used even when the API is slow)
/// while one consumer, the caller, stores the results: SQLite has one writer, and only one thread touches
/// the connection. The first failure stops the fetchers; what was stored stays stored.
/// </summary>
internal static class ParallelFetch
{
    public static async Task RunAsync<TIn, TOut>(
        IReadOnlyList<TIn> items, int workers, Func<TIn, CancellationToken, Task<TOut>> fetch, Func<TIn, TOut, Task> store, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = Channel.CreateBounded<(TIn Item, TOut Result)>(new BoundedChannelOptions(Math.Max(2, workers * 2)) { SingleReader = true });
        var next = -1;
        Exception? firstFailure = null;
        var fetchers = Enumerable.Range(0, Math.Max(1, Math.Min(workers, items.Count))).Select(_ => Task.Run(
            async () =>
            {
                try
                {
                    for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
                    {
                        var result = await fetch(items[i], stop.Token).ConfigureAwait(false);
                        await results.Writer.WriteAsync((items[i], result), stop.Token).ConfigureAwait(false);
                    }
                }
                catch (Exception exception) when (!stop.IsCancellationRequested)
                {
                    // The first failure is the one reported, as it is (several at once would otherwise arrive as an
                    // AggregateException without an error id), and it stops the other fetchers at once.
                    if (Interlocked.CompareExchange(ref firstFailure, exception, null) is null)
                    {
                        results.Writer.TryComplete(exception);
                        await stop.CancelAsync().ConfigureAwait(false);
                    }
                }
            },
            stop.Token)).ToList();
        var completion = Task.WhenAll(fetchers).ContinueWith(
            task => results.Writer.TryComplete(task.Exception?.GetBaseException()),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        try
        {
            await foreach (var (item, result) in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await store(item, result).ConfigureAwait(false);
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            await completion.ConfigureAwait(false);
        }

        // Surface a fetcher's failure (the channel completed with it) rather than a sibling's cancellation.
        if (firstFailure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstFailure);
        }

        await Task.WhenAll(fetchers).ConfigureAwait(false);
    }
}
