using System.Collections;

namespace HostawaySync.Simulator.Http;

/// <summary>A read-only list computed per index, so a request over a sorted index of 200,000 rows copies nothing.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="count">Number of elements.</param>
/// <param name="at">The element at an index.</param>
internal sealed class ProjectedList<T>(int count, Func<int, T> at) : IReadOnlyList<T>
{
    /// <inheritdoc/>
    public int Count => count;

    /// <inheritdoc/>
    public T this[int index] => (uint)index < (uint)count ? at(index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return at(i);
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
