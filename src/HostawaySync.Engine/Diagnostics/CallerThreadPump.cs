using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace HostawaySync.Engine.Diagnostics;

/// <summary>
/// Runs asynchronous work off the calling thread while the calling thread runs the callbacks the work posts: PowerShell
/// lets only the pipeline thread write (objects, progress, verbose text), so the engine's log and progress post their
/// writes here. <see cref="Run{T}"/> returns only once the work has ended, whatever happens: when a posted callback throws
/// (the pipeline was stopped by Ctrl+C, or by <c>Select-Object -First</c> downstream), the work is cancelled, the rest of
/// its callbacks are dropped, and the callback's exception is rethrown only after the work has finished, so the work's
/// resources (a sync's writer lock, its database connection) are released before the caller goes on.
/// </summary>
public sealed class CallerThreadPump
{
    private BlockingCollection<Action>? _queue;

    /// <summary>Queues a callback for the calling thread; safe from any thread. Returns false (and drops it) when no work is running or the work has ended.</summary>
    public bool Post(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var queue = Volatile.Read(ref _queue);
        if (queue is null)
        {
            return false;
        }

        try
        {
            queue.Add(action);
            return true;
        }
        catch (InvalidOperationException)
        {
            // The work ended and the queue was closed (or already disposed: ObjectDisposedException is one of these).
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool with <paramref name="stop"/>'s token, running its posted callbacks on
    /// this thread until it ends, and returns its result (or throws its exception). If a callback throws, <paramref name="stop"/>
    /// is cancelled, the work is awaited (its own outcome then ignored) and the callback's exception is rethrown.
    /// </summary>
    public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationTokenSource stop)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(stop);
        using var queue = new BlockingCollection<Action>();
        if (Interlocked.CompareExchange(ref _queue, queue, null) is not null)
        {
            throw new InvalidOperationException("The pump already runs work; it runs one at a time.");
        }

        var task = Task.Run(
            async () =>
            {
                try
                {
                    return await work(stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None);

        ExceptionDispatchInfo? callbackFailure = null;
        try
        {
            // Ends when the work has ended (CompleteAdding runs after it), never before.
            foreach (var action in queue.GetConsumingEnumerable())
            {
                if (callbackFailure is not null)
                {
                    continue;
                }

                try
                {
                    action();
                }
#pragma warning disable CA1031 // Any callback failure stops the work; it is rethrown below once the work has ended.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    callbackFailure = ExceptionDispatchInfo.Capture(exception);
                    CancelQuietly(stop);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _queue, null);
        }

        if (callbackFailure is not null)
        {
            // The work has ended; observe its outcome (most likely a cancellation) so it is not reported as unobserved.
            _ = task.Exception;
            callbackFailure.Throw();
        }

        return task.GetAwaiter().GetResult();
    }

    private static void CancelQuietly(CancellationTokenSource stop)
    {
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        catch (AggregateException)
        {
            // A registration on the token threw; the work still sees the cancellation.
        }
    }
}
