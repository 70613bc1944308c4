using System.Globalization;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// After a full pass: which stored objects are really gone. If the pass saw as many objects as the API counts,
/// the unseen ones are gone. If it saw fewer (rows moved between pages while paging), each unseen object is
/// asked for individually: gone if the API no longer has it, stored again if it does.
/// </summary>
internal static class DeletionCheck
{
    public static async Task<IReadOnlyList<long>> ConfirmAsync<T>(
        SyncContext context, string resource, StoreTable table, int? apiCount,
        Func<long, CancellationToken, Task<T?>> fetchOne, Action<IStoreWork, T> store)
        where T : class
    {
        var unseen = context.Store.Unseen(resource, table);
        if (unseen.Count == 0)
        {
            return unseen;
        }

        var seen = context.Store.SeenCount(resource);
        if (apiCount is { } count && seen >= count)
        {
            return unseen;
        }

        context.Debug(string.Create(CultureInfo.InvariantCulture, $"The {resource} pass saw {seen} of {apiCount?.ToString(CultureInfo.InvariantCulture) ?? "an unknown number of"} objects; checking {unseen.Count} unseen ones one by one."));
        var gone = new List<long>();
        foreach (var id in unseen)
        {
            var current = await fetchOne(id, context.CancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                gone.Add(id);
            }
            else
            {
                context.InTransaction(work => store(work, current));
            }
        }

        return gone;
    }
}
