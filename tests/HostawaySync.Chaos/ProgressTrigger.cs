using HostawaySync.Engine.Sync;

namespace HostawaySync.Chaos;

/// <summary>
/// Runs an action once when a resource's progress (optionally of one activity) first reaches a count: a way to act
/// "mid-run" at a reproducible point. At most one action fires per progress update, so two never coincide.
/// </summary>
public sealed class ProgressTrigger : ISyncProgress
{
    private readonly List<(SyncResources Resource, string? Activity, long Done, Action Action)> _triggers = [];
    private readonly HashSet<int> _fired = [];
    private readonly Lock _gate = new();

    public int Fired
    {
        get
        {
            lock (_gate)
            {
                return _fired.Count;
            }
        }
    }

    public ProgressTrigger At(SyncResources resource, long done, Action action, string? activity = null)
    {
        _triggers.Add((resource, activity, done, action));
        return this;
    }

    public void Report(SyncProgressUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        for (var i = 0; i < _triggers.Count; i++)
        {
            var (resource, activity, done, action) = _triggers[i];
            bool fire;
            lock (_gate)
            {
                fire = update.Resource == resource && (activity is null || update.Activity == activity) && update.Done >= done && _fired.Add(i);
            }

            if (fire)
            {
                action();
                return;
            }
        }
    }
}
