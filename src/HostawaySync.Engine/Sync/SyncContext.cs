using System.Globalization;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>What every resource syncer of a run shares: the store session, the client, the options, log and progress.</summary>
internal sealed class SyncContext
{
    public SyncContext(ISyncStore store, HostawayClient client, SyncOptions options, ISyncLog log, ISyncProgress? progress, string runId, CancellationToken cancellationToken)
    {
        Store = store;
        Client = client;
        Options = options;
        Log = log;
        Progress = progress;
        RunId = runId;
        CancellationToken = cancellationToken;
    }

    public ISyncStore Store { get; }

    public HostawayClient Client { get; }

    public SyncOptions Options { get; }

    public ISyncLog Log { get; }

    public ISyncProgress? Progress { get; }

    public string RunId { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The time written into rows changed now.</summary>
    public string Now => StoreClock.Format(Options.Client.TimeProvider.GetUtcNow().UtcDateTime);

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is stored, or none of it.</summary>
    public T InTransaction<T>(Func<IStoreWork, T> work)
    {
        using var unit = Store.Begin();
        var result = work(unit);
        unit.Commit();
        return result;
    }

    public void InTransaction(Action<IStoreWork> work) => InTransaction(unit =>
    {
        work(unit);
        return 0;
    });

    public void Info(string message) => Write(SyncLogLevel.Information, message);

    public void Debug(string message) => Write(SyncLogLevel.Debug, message);

    public void Warn(string message) => Write(SyncLogLevel.Warning, message);

    public void Report(SyncResources resource, string activity, long done, long? total, bool completed = false) =>
        Progress?.Report(new SyncProgressUpdate(resource, activity, done, total, completed));

    private void Write(SyncLogLevel level, string message)
    {
        if (Log.IsEnabled(level))
        {
            Log.Write(level, message.ToString(CultureInfo.InvariantCulture));
        }
    }
}
