using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Base of the cmdlets that run engine work asynchronously. The engine runs on the thread pool; meanwhile the
/// pipeline thread pumps a queue of Write* calls that the engine's log and progress callbacks post, because
/// only the pipeline thread may write. Ctrl+C (StopProcessing) cancels the engine through one token per
/// invocation; the engine stops at its next await and leaves the store consistent.
/// </summary>
public abstract class AsyncHostawayCmdlet : HostawayCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private BlockingCollection<Action>? _queue;

    /// <summary>Cancelled when the user presses Ctrl+C.</summary>
    protected CancellationToken StopToken => _stop.Token;

    /// <summary>Queues a call for the pipeline thread; safe from any thread. Calls posted after the work finished are dropped.</summary>
    internal void Post(Action action)
    {
        var queue = Volatile.Read(ref _queue);
        if (queue is null)
        {
            return;
        }

        try
        {
            queue.Add(action);
        }
        catch (InvalidOperationException)
        {
            // The work finished and the queue was closed.
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> off the pipeline thread while pumping posted Write* calls, and returns its result.
    /// This is the one place that blocks on engine work.
    /// </summary>
    protected T RunEngine<T>(Func<CancellationToken, Task<T>> work)
    {
        using var queue = new BlockingCollection<Action>();
        Volatile.Write(ref _queue, queue);
        var task = Task.Run(
            async () =>
            {
                try
                {
                    return await work(_stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None);
        try
        {
            foreach (var action in queue.GetConsumingEnumerable())
            {
                action();
            }
        }
        finally
        {
            Volatile.Write(ref _queue, null);
        }

        // The cmdlet boundary: the pipeline thread must wait for the engine here, and only here.
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs engine work as <see cref="RunEngine{T}"/> does, for a cmdlet that returns one result: an engine error stops the
    /// cmdlet with its id; Ctrl+C returns false (the engine left its store consistent, and there is nothing to report).
    /// </summary>
    protected bool TryRunEngine<T>(Func<CancellationToken, Task<T>> work, [MaybeNullWhen(false)] out T result)
    {
        try
        {
            result = RunEngine(work);
            return true;
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            result = default;
            return false;
        }
    }

    /// <summary>The engine's log, written to this cmdlet's streams as -Verbose, -Debug and their preference variables ask.</summary>
    internal CmdletSyncLog EngineLog() => new(this, StreamWanted("Verbose", "VerbosePreference"), StreamWanted("Debug", "DebugPreference"));

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
