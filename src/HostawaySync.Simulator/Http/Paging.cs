using System.Text.Json;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Mutation;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// Every paging decision of every list endpoint: the page cap, the offset ceiling, moving rows during a pass,
/// which rows a page gets and what its envelope says. Endpoints only parse their query and order their rows,
/// so each paging variant (<see cref="SimulatorSettings"/>) applies to all of them alike.
/// </summary>
internal static class Paging
{
    /// <summary>Serves one page.</summary>
    /// <param name="call">The request's settings and state.</param>
    /// <param name="page">Limit, offset and cursor as read from the query.</param>
    /// <param name="shape">The envelope's fields; only <see cref="EnvelopeShape.Paged"/> has <c>page</c>/<c>totalPages</c>.</param>
    /// <param name="rowsOf">All matching rows of a snapshot in served order.</param>
    /// <param name="moveOf">How a row of this list is brought to the front, or null when this request's list
    /// takes no moves (filtered or sorted otherwise than by default).</param>
    /// <param name="writerOf">The row writer for a snapshot.</param>
    public static ApiResponse Serve<T>(
        ListCall call,
        PageRequest page,
        EnvelopeShape shape,
        Func<AccountSnapshot, OrderedRows<T>> rowsOf,
        Func<T, RowMove>? moveOf,
        Func<AccountSnapshot, Action<Utf8JsonWriter, T>> writerOf)
    {
        var settings = call.Settings;
        var ceiling = page.AfterId is null ? settings.OffsetCeiling : 0;
        if (ceiling > 0 && page.Offset >= ceiling && settings.OffsetCeilingBehaviour == OffsetCeilingMode.Error)
        {
            return ApiResponse.FailResult(400, $"Offset must be lower than {ceiling}.");
        }

        var snapshot = call.Snapshot;
        var ordered = rowsOf(snapshot);
        if (moveOf is not null && page.IsMidPass && call.MoveIsDue())
        {
            // The first row after the requested page jumps ahead of it: the pager misses it and sees a row twice.
            var start = Start(ordered, page);
            var after = start + page.Limit;
            if (start >= 0 && after < ordered.Rows.Count && call.Move(moveOf(ordered.Rows[after])) is { } moved)
            {
                snapshot = moved;
                ordered = rowsOf(snapshot);
            }
        }

        var rows = Slice(ordered, page, ceiling);
        var fields = Fields(settings, page, Start(ordered, page), ordered.Rows.Count, shape == EnvelopeShape.Paged);
        var write = writerOf(snapshot);
        return shape switch
        {
            EnvelopeShape.Paged => Envelope.Paged(rows, fields, write),
            EnvelopeShape.CountOffset => Envelope.CountOffset(rows, fields, write),
            _ => Envelope.Plain(rows, fields, write),
        };
    }

    /// <summary>Index of the first row the page serves; -1 for a cursor row that does not exist.</summary>
    private static int Start<T>(OrderedRows<T> ordered, PageRequest page) =>
        page.AfterId is null ? page.Offset : ordered.CursorStart ?? -1;

    private static List<T> Slice<T>(OrderedRows<T> ordered, PageRequest page, int ceiling)
    {
        var start = Start(ordered, page);
        var end = Math.Min(ordered.Rows.Count, (long)start + page.Limit);
        if (ceiling > 0)
        {
            end = Math.Min(end, ceiling);
        }

        var rows = new List<T>((int)Math.Max(0, end - start));
        for (var i = start; i >= 0 && i < end; i++)
        {
            rows.Add(ordered.Rows[i]);
        }

        return rows;
    }

    private static EnvelopeFields Fields(SimulatorSettings settings, PageRequest page, int start, int total, bool withPageFields)
    {
        int? count = settings.Count switch
        {
            CountMode.Total => total,
            CountMode.Remaining => start < 0 ? 0 : Math.Max(0, total - start),
            _ => null,
        };
        var limit = settings.PageCapInEnvelope && page.LimitEcho > page.Limit ? page.Limit : page.LimitEcho;
        if (!withPageFields || count is not { } pagesOf || settings.PageFields == PageFieldsMode.Missing)
        {
            return new EnvelopeFields(count, limit, page.OffsetEcho, null, null);
        }

        // Wrong: what a server computing from the limit as sent, counting pages from 0, would say.
        return settings.PageFields == PageFieldsMode.Wrong
            ? new EnvelopeFields(count, limit, page.OffsetEcho, page.Offset / (page.LimitEcho ?? page.Limit), Pages(pagesOf, page.LimitEcho ?? page.Limit))
            : new EnvelopeFields(count, limit, page.OffsetEcho, (page.Offset / page.Limit) + 1, Pages(pagesOf, page.Limit));
    }

    private static int Pages(int count, int pageSize) => (int)(((long)count + pageSize - 1) / pageSize);
}
