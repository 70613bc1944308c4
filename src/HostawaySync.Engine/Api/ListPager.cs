using System.Globalization;
using System.Runtime.CompilerServices;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Api;

/// <summary>
/// Pages a list endpoint so that a pass ends only where the API shows the end, whatever its envelope says: an empty
/// page, or a page shorter than the page size the server has proven it uses (<see cref="PageSizes"/>), or a short page
/// whose <c>count</c> says nothing is left under either reading of it (total, or rows from this page on). <c>count</c>
/// alone never ends a pass, and <c>page</c>/<c>totalPages</c> are never read. Offsets advance by the rows actually
/// served. Each row is yielded once; rows that moved between pages while paging (seen twice, or fewer seen than
/// counted) make the list be read again from the start, and what a pass saw is kept in its <see cref="PassTally"/>.
/// </summary>
internal sealed class ListPager(PageSizes sizes, int limit, int concurrency, ISyncLog log)
{
    /// <summary>Most readings of one list in a pass (the first, and re-reads after rows moved).</summary>
    private const int MaxPasses = 3;

    /// <summary>Offset paging (<c>limit</c>/<c>offset</c>), with pages fetched ahead once the page size and count are known.</summary>
    public async IAsyncEnumerable<ApiPage<T>> ByOffsetAsync<T>(
        string endpoint, Func<int, string> urlForOffset, Func<string, CancellationToken, Task<ApiPage<T>>> fetch, Func<T, long> idOf,
        PassTally tally, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var pass = 1; ; pass++)
        {
            tally.BeginPass();
            var duplicatesBefore = tally.Duplicates;
            await foreach (var page in OffsetPassAsync(endpoint, urlForOffset, fetch, idOf, tally, untilCounted: pass > 1, cancellationToken).ConfigureAwait(false))
            {
                yield return page;
            }

            if (!AnotherPass(tally, pass, tally.Duplicates > duplicatesBefore))
            {
                yield break;
            }

            log.Write(SyncLogLevel.Debug, $"Paging {urlForOffset(0)} again: {tally.Describe("rows")}, {tally.Duplicates} served twice.");
        }
    }

    /// <summary>
    /// Cursor paging (<c>afterId</c>) from <paramref name="startAfterId"/> (null: from the start). With
    /// <paramref name="repass"/>, a pass from the start that saw fewer rows than counted reads the list again.
    /// </summary>
    public async IAsyncEnumerable<ApiPage<T>> ByCursorAsync<T>(
        string endpoint, Func<long?, string> urlAfter, Func<string, CancellationToken, Task<ApiPage<T>>> fetch, Func<T, long> idOf,
        long? startAfterId, bool repass, PassTally tally, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var pass = 1; ; pass++)
        {
            tally.BeginPass();
            var duplicatesBefore = tally.Duplicates;
            await foreach (var page in CursorPassAsync(endpoint, urlAfter, fetch, idOf, startAfterId, tally, cancellationToken).ConfigureAwait(false))
            {
                yield return page;
            }

            if (!repass || startAfterId is not null || !AnotherPass(tally, pass, tally.Duplicates > duplicatesBefore))
            {
                yield break;
            }

            log.Write(SyncLogLevel.Debug, $"Paging {urlAfter(null)} again: {tally.Describe("rows")}, {tally.Duplicates} served twice.");
        }
    }

    /// <summary>
    /// Whether to read the list again: the pass ended where the API showed the end, yet saw fewer rows than counted
    /// (rows moved into the part already read, or were deleted behind the reader), or, with no count, saw rows twice.
    /// Not when the API simply stopped serving rows before its count (reading again would stop at the same place).
    /// </summary>
    private static bool AnotherPass(PassTally tally, int pass, bool moved)
    {
        if (!tally.EndProven || tally.StoppedBeforeCount || pass >= MaxPasses)
        {
            return false;
        }

        return tally.ApiCount is { } count ? tally.Served < count : moved && pass < 2;
    }

    /// <summary>
    /// One reading of the list by offset. <paramref name="untilCounted"/>: a re-read after the first pass showed the end; it
    /// looks only for the rows a move hid, so it stops as soon as every row the API counts has been seen (the rows that
    /// moved went to the front), which also keeps it from causing more moves on a list that keeps changing.
    /// </summary>
    private async IAsyncEnumerable<ApiPage<T>> OffsetPassAsync<T>(
        string endpoint, Func<int, string> urlForOffset, Func<string, CancellationToken, Task<ApiPage<T>>> fetch, Func<T, long> idOf,
        PassTally tally, bool untilCounted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new Queue<(int Offset, Task<(ApiPage<T>? Page, HostawayException? Refused)> Page)>();
        var offset = 0;
        var previousRows = 0;
        var repeats = 0;
        long? previousLast = null;
        int? firstCount = null;
        var countSteady = true;
        var duplicatesBefore = tally.Duplicates;
        using var ahead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                if (sizes.Known(endpoint) is { } size && firstCount is { } total)
                {
                    var next = pending.Count > 0 ? pending.Last().Offset + size : offset;
                    while (pending.Count < concurrency && next < total)
                    {
                        pending.Enqueue((next, TryFetchAsync(fetch, urlForOffset(next), next, ahead.Token)));
                        next += size;
                    }
                }

                (ApiPage<T>? Page, HostawayException? Refused) answer;
                if (pending.Count > 0 && pending.Peek().Offset == offset)
                {
                    answer = await pending.Dequeue().Page.ConfigureAwait(false);
                }
                else
                {
                    // The pages fetched ahead assumed a page size the server did not keep to: start again from here.
                    await DiscardAsync(pending).ConfigureAwait(false);
                    answer = await TryFetchAsync(fetch, urlForOffset(offset), offset, cancellationToken).ConfigureAwait(false);
                }

                tally.CountRequest();
                if (answer.Refused is { } refused)
                {
                    tally.Cut(string.Create(CultureInfo.InvariantCulture, $"the API refused offset {offset} ({refused.Message})"));
                    yield break;
                }

                var page = answer.Page!;
                if (page.Offset is { } echoed && echoed != offset)
                {
                    tally.Cut(string.Create(CultureInfo.InvariantCulture, $"the API answered with offset {echoed} when asked for offset {offset}"));
                    yield break;
                }

                Learn(endpoint, page, previousRows);
                firstCount ??= page.Count;
                if (page.Count is { } count)
                {
                    tally.Counted(count);
                    countSteady &= count == firstCount || count == firstCount - offset;
                }

                var fresh = Fresh(page, idOf, tally);
                if (fresh.Items.Count > 0 || fresh.Unreadable.Count > 0)
                {
                    yield return fresh;
                }

                if (untilCounted && page.Count is not null && tally.ApiCount is { } wanted && tally.Served >= wanted)
                {
                    tally.EndShown();
                    yield break;
                }

                if (IsLast(endpoint, page))
                {
                    tally.EndShown();
                    var end = offset + page.Rows;
                    if (firstCount is { } counted && end < counted && countSteady && tally.Duplicates == duplicatesBefore)
                    {
                        tally.StoppedShort(string.Create(CultureInfo.InvariantCulture, $"the API served no rows past offset {end} although it counts {counted}"));
                    }

                    yield break;
                }

                // A server that ignores the offset serves the same page again and again.
                repeats = page.LastId is { } last && last == previousLast ? repeats + 1 : 0;
                previousLast = page.LastId;
                if (repeats >= 2 || (firstCount is { } bound && offset > (2L * bound) + (10L * limit)))
                {
                    tally.Cut(string.Create(CultureInfo.InvariantCulture, $"the API kept serving the same rows (offset {offset})"));
                    yield break;
                }

                previousRows = page.Rows;
                offset += page.Rows;
            }
        }
        finally
        {
            await ahead.CancelAsync().ConfigureAwait(false);
            await DiscardAsync(pending).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<ApiPage<T>> CursorPassAsync<T>(
        string endpoint, Func<long?, string> urlAfter, Func<string, CancellationToken, Task<ApiPage<T>>> fetch, Func<T, long> idOf,
        long? startAfterId, PassTally tally, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var afterId = startAfterId;
        var previousRows = 0;
        var pages = 0;
        int? firstCount = null;
        while (true)
        {
            var page = await fetch(urlAfter(afterId), cancellationToken).ConfigureAwait(false);
            tally.CountRequest();
            pages++;
            Learn(endpoint, page, previousRows);
            firstCount ??= page.Count;
            if (startAfterId is null && page.Count is { } count)
            {
                tally.Counted(count);
            }

            var fresh = Fresh(page, idOf, tally);
            if (fresh.Items.Count > 0 || fresh.Unreadable.Count > 0)
            {
                yield return fresh;
            }

            if (IsLast(endpoint, page))
            {
                tally.EndShown();
                yield break;
            }

            if (page.LastId is not { } last || last == afterId)
            {
                tally.Cut(string.Create(CultureInfo.InvariantCulture, $"the afterId cursor did not move past {afterId}"));
                yield break;
            }

            // Rows that keep moving to the front could keep a cursor going: allow twice the data plus slack.
            if (firstCount is { } bound && pages > (2L * bound / Math.Max(1, sizes.Known(endpoint) ?? limit)) + 10)
            {
                tally.Cut(string.Create(CultureInfo.InvariantCulture, $"the afterId cursor did not reach the end after {pages} pages"));
                yield break;
            }

            previousRows = page.Rows;
            afterId = last;
        }
    }

    /// <summary>
    /// The API shows the end: an empty page; a page shorter than the server's proven page size; or a page shorter than
    /// asked whose count says nothing is left past it under either reading (rows in all, or rows from this page on).
    /// </summary>
    private bool IsLast<T>(string endpoint, ApiPage<T> page) =>
        page.Rows == 0
        || (sizes.Known(endpoint) is { } size && page.Rows < size)
        || (page.Rows < limit && page.Count is { } count && page.Rows >= count);

    private void Learn<T>(string endpoint, ApiPage<T> page, int previousRows)
    {
        sizes.Observe(endpoint, limit, page.Rows, page.Limit);
        if (page.Rows > 0)
        {
            sizes.FollowedByMore(endpoint, previousRows);
        }
    }

    private static ApiPage<T> Fresh<T>(ApiPage<T> page, Func<T, long> idOf, PassTally tally)
    {
        foreach (var row in page.Unreadable)
        {
            tally.AddUnreadable(row);
        }

        var fresh = page.Items.Where(item => tally.Add(idOf(item))).ToList();
        return fresh.Count == page.Items.Count ? page : page with { Items = fresh };
    }

    /// <summary>A page, or the API's refusal of it (an offset past a ceiling); every other failure is thrown.</summary>
    private static async Task<(ApiPage<T>? Page, HostawayException? Refused)> TryFetchAsync<T>(
        Func<string, CancellationToken, Task<ApiPage<T>>> fetch, string url, int offset, CancellationToken cancellationToken)
    {
        try
        {
            return (await fetch(url, cancellationToken).ConfigureAwait(false), null);
        }
        catch (HostawayException exception) when (exception.ErrorId == ErrorIds.ApiRequestRejected && offset > 0)
        {
            return (null, exception);
        }
    }

    private static async Task DiscardAsync<T>(Queue<(int Offset, Task<T> Page)> pending)
    {
        while (pending.TryDequeue(out var item))
        {
            try
            {
                await item.Page.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or HostawayException)
            {
                // A page fetched ahead that nobody will read.
            }
        }
    }
}
