using System.Diagnostics.CodeAnalysis;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Base of the cmdlets that run engine work asynchronously. The engine runs on the thread pool; meanwhile the
/// pipeline thread runs the Write* calls that the engine's log and progress callbacks post, because only the
/// pipeline thread may write (<see cref="CallerThreadPump"/>). Ctrl+C (StopProcessing) cancels the engine through one
/// token per invocation; the engine stops at its next await and leaves the store consistent. When a posted write throws
/// (the pipeline was stopped), the engine is cancelled and awaited before the exception leaves the cmdlet, so its
/// writer lock is released before the next command runs.
/// </summary>
public abstract class AsyncHostawayCmdlet : HostawayCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CallerThreadPump _pump = new();

    /// <summary>Cancelled when the user presses Ctrl+C.</summary>
    protected CancellationToken StopToken => _stop.Token;

    /// <summary>Queues a call for the pipeline thread; safe from any thread. Calls posted after the work finished are dropped.</summary>
    internal void Post(Action action) => _pump.Post(action);

    /// <summary>
    /// Runs <paramref name="work"/> off the pipeline thread while running posted Write* calls, and returns its result.
    /// This is the one place that blocks on engine work; it returns (or throws) only once the work has ended.
    /// </summary>
    protected T RunEngine<T>(Func<CancellationToken, Task<T>> work) => _pump.Run(work, _stop);

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
