namespace HostawaySync.Infrastructure;

/// <summary>
/// A search that collects its piped objects and searches once at the end, so ranking and -First cover all of them: each
/// piped object contributes the ids of its first property the search scopes by (most specific first), and ids given as
/// arguments narrow further. An object with none of them (or an id list bound as an argument) searches everything.
/// </summary>
public abstract class ScopedSearchCmdlet : StoreQueryCmdlet
{
    private readonly HashSet<string> _arguments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<long>> _piped = new(StringComparer.OrdinalIgnoreCase);
    private bool _pipedEverything;
    private int _pipedObjects;

    /// <summary>An empty pipeline selects nothing: the search does not run.</summary>
    private protected bool NothingPiped => MyInvocation.ExpectingInput && _pipedObjects == 0;

    /// <summary>The scoping parameters with their current (pipeline-bound) values, most specific first.</summary>
    private protected abstract IEnumerable<(string Name, long[]? Values)> ScopeParameters { get; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _arguments.UnionWith(MyInvocation.BoundParameters.Keys);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (!MyInvocation.ExpectingInput)
        {
            return;
        }

        _pipedObjects++;
        foreach (var (name, values) in ScopeParameters)
        {
            if (!_arguments.Contains(name) && values is { Length: > 0 })
            {
                (_piped.TryGetValue(name, out var list) ? list : _piped[name] = []).AddRange(values);
                return;
            }
        }

        _pipedEverything = true;
    }

    /// <summary>The ids piped for <paramref name="name"/>, or null when there is no scope (nothing piped, or an object without ids).</summary>
    private protected IReadOnlyList<long>? PipedIds(string name) => _piped.TryGetValue(name, out var ids) ? ids : null;

    /// <summary>Whether the piped objects become scopes (false when nothing was piped, or an object without ids was).</summary>
    private protected bool Scoped => MyInvocation.ExpectingInput && !_pipedEverything;

    /// <summary>The value of a scoping parameter given as an argument, or null when it came only from the pipeline.</summary>
    private protected long[]? Argument(string name, long[]? values) => _arguments.Contains(name) ? values : null;
}
