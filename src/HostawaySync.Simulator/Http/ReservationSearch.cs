using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// Orders reservations over the snapshot's sorted indexes: no request sorts. The unfiltered list is the index
/// itself, read in place; a filtered one keeps only the index positions that match.
/// </summary>
internal static class ReservationSearch
{
    /// <summary>The matching reservations in order, and where an afterId cursor resumes.</summary>
    /// <remarks>
    /// afterId: the reservation with that id is located where it is now in the current order (even when it does
    /// not match the filter), and the rows strictly after it follow, so a row updated mid-paging moves (the docs
    /// warn about this). An afterId that no longer exists resumes nowhere: an empty page.
    /// </remarks>
    public static OrderedRows<ReservationState> Run(
        AccountSnapshot snapshot, ReservationFilter filter, ReservationOrder order, bool descending, long? afterId)
    {
        var index = snapshot.ReservationIndex(order);
        var all = snapshot.Reservations;
        int? resumeAt = null;
        if (afterId is { } cursor)
        {
            var row = snapshot.ReservationRow(cursor);
            resumeAt = row < 0 ? -1 : index.PositionOf(row, descending) + 1;
        }

        if (filter.IsEmpty)
        {
            return new(new ProjectedList<ReservationState>(index.Count, p => all[index.RowAt(p, descending)]), resumeAt);
        }

        var positions = new List<int>();
        for (var position = 0; position < index.Count; position++)
        {
            if (filter.Matches(all[index.RowAt(position, descending)]))
            {
                positions.Add(position);
            }
        }

        if (resumeAt is { } full and >= 0)
        {
            var found = positions.BinarySearch(full);
            resumeAt = found >= 0 ? found : ~found;
        }

        return new(new ProjectedList<ReservationState>(positions.Count, i => all[index.RowAt(positions[i], descending)]), resumeAt);
    }
}
