namespace HostawaySync.Simulator.Model;

/// <summary>
/// Row numbers sorted by a 64-bit key (time in the high bits, id in the low bits, so ties break by id), plus
/// the position of every row, so that an <c>afterId</c> cursor is found without a search.
/// Built once per snapshot: primitive-key sorts of 200,000 rows take milliseconds, so no request ever sorts.
/// </summary>
internal sealed class SortedIndex
{
    private readonly int[] _rows;
    private readonly int[] _positions;

    private SortedIndex(int[] rows, int[] positions)
    {
        _rows = rows;
        _positions = positions;
    }

    /// <summary>Number of rows.</summary>
    public int Count => _rows.Length;

    /// <summary>Builds the index from one key per row; keys must be unique.</summary>
    public static SortedIndex Build(long[] keys)
    {
        var rows = new int[keys.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        Array.Sort(keys, rows);
        var positions = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            positions[rows[i]] = i;
        }

        return new SortedIndex(rows, positions);
    }

    /// <summary>The row at a position, ascending or (when <paramref name="descending"/>) descending.</summary>
    public int RowAt(int position, bool descending) => descending ? _rows[_rows.Length - 1 - position] : _rows[position];

    /// <summary>The position of a row in the ascending or descending order.</summary>
    public int PositionOf(int row, bool descending) => descending ? _rows.Length - 1 - _positions[row] : _positions[row];

    /// <summary>Packs a sort value and an id into one key that sorts by value, then by id.</summary>
    public static long Key(long value, long id) => (value << 32) | (id & 0xFFFFFFFFL);
}
