using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// Pages reservations over the snapshot's sorted indexes: no request sorts. Unfiltered offset pages are a direct
/// slice; filtered ones and afterId cursors scan forward from a known position.
/// </summary>
internal static class ReservationSearch
{
    /// <summary>The page and the total number of matching reservations.</summary>
    /// <remarks>
    /// afterId: the reservation with that id is located where it is now in the current order, and the rows
    /// strictly after it are returned, so a row updated mid-paging moves (the docs warn about this). An afterId
    /// that no longer exists gives an empty page, with the real count.
    /// </remarks>
    public static (List<ReservationState> Rows, int Count) Run(
        AccountSnapshot snapshot, ReservationFilter filter, ReservationOrder order, bool descending, PageRequest page, long? afterId)
    {
        var index = snapshot.ReservationIndex(order);
        var all = snapshot.Reservations;
        var count = filter.IsEmpty ? all.Length : all.Count(filter.Matches);
        var rows = new List<ReservationState>(Math.Min(page.Limit, count));

        int start;
        var skip = 0;
        if (afterId is { } cursor)
        {
            var row = snapshot.ReservationRow(cursor);
            if (row < 0)
            {
                return (rows, count);
            }

            start = index.PositionOf(row, descending) + 1;
        }
        else if (filter.IsEmpty)
        {
            start = page.Offset;
        }
        else
        {
            start = 0;
            skip = page.Offset;
        }

        for (var position = start; position < index.Count && rows.Count < page.Limit; position++)
        {
            var reservation = all[index.RowAt(position, descending)];
            if (!filter.Matches(reservation))
            {
                continue;
            }

            if (skip > 0)
            {
                skip--;
                continue;
            }

            rows.Add(reservation);
        }

        return (rows, count);
    }
}
