namespace HostawaySync.Engine.Sync;

/// <summary>Small helpers for IAsyncEnumerable on net8.0 (System.Linq.AsyncEnumerable is in the BCL only from .NET 10).</summary>
internal static class AsyncEnumerables
{
    public static async Task<IReadOnlyList<T>> CollectAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
