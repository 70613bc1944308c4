using System.Globalization;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>One copy under way (see <see cref="StoreCopier"/>): the tables in order, batch by batch, then the search index.</summary>
internal sealed class CopyRun(StoreCopyOptions options, ISyncLog log, Action<StoreCopyProgress>? progress, CancellationToken cancellationToken)
{
    private const string MessagesTable = "messages_metadata";
    private readonly List<StoreCopyTableCount> _tables = [];
    private long _rowsTotal;
    private long _rowsDone;
    private long _replaced;

    /// <summary>The tables with their rows in the source's snapshot.</summary>
    public IReadOnlyList<StoreCopyTableCount> Tables => _tables;

    /// <summary>The rows copied so far.</summary>
    public long Rows => _rowsDone;

    /// <summary>Counts the source's rows, for progress and the result.</summary>
    public void Count(ICopySource source)
    {
        foreach (var table in CopyCatalog.Tables)
        {
            _tables.Add(new StoreCopyTableCount(table.Name, StoreCopier.Guard(source.AsStoreError, () => source.Count(table.Name))));
        }

        _rowsTotal = _tables.Sum(t => t.Rows);
    }

    /// <summary>Copies every table in the destination's one transaction and commits it; the writer lock must be held.</summary>
    public void Run(ICopySource source)
    {
        using var destination = StoreOpener.OpenCopyDestination(options.Destination);
        var existing = StoreCopier.Guard(destination.AsStoreError, destination.Rows);
        if (existing > 0)
        {
            if (!options.Force)
            {
                throw CopyErrors.DestinationNotEmpty(options.Destination, existing);
            }

            StoreCopier.Guard(destination.AsStoreError, destination.Clear);
            _replaced = existing;
            StoreCopier.Info(log, string.Create(CultureInfo.InvariantCulture, $"Replacing the {existing:N0} rows of HostawaySync data in '{options.Destination.Display}' (-Force)."));
        }

        foreach (var (table, count) in CopyCatalog.Tables.Zip(_tables))
        {
            CopyTable(source, destination, table, count.Rows);
        }

        var now = StoreClock.Format(options.Time.GetUtcNow().UtcDateTime);
        var messages = _tables.Single(t => t.Table == MessagesTable).Rows > 0;
        StoreCopier.Guard(destination.AsStoreError, () => destination.RequestSearchIndex(messages, now));
        StoreCopier.Guard(destination.AsStoreError, destination.IndexReviews);
        cancellationToken.ThrowIfCancellationRequested();
        StoreCopier.Guard(destination.AsStoreError, destination.Commit);
    }

    /// <summary>
    /// Builds the destination's search index from the conversation files when their folder was given; a failure only
    /// leaves the build to the next sync, as in a sync run. Returns the copy's result.
    /// </summary>
    public StoreCopyResult BuildSearchIndex(TimeSpan duration, TimeProvider time)
    {
        var state = _tables.Single(t => t.Table == MessagesTable).Rows > 0 ? CopySearchIndex.Pending : CopySearchIndex.NotNeeded;
        long indexed = 0;
        var clock = time.GetTimestamp();
        if (state == CopySearchIndex.Pending && options.ConversationsPath is { } folder)
        {
            ISyncStore? store = null;
            try
            {
                store = StoreOpener.OpenForWriting(options.Destination, options.ModuleVersion);
                if (MessageSearchBuild.Run(store, folder, log, () => StoreClock.Format(time.GetUtcNow().UtcDateTime), ReportIndex, cancellationToken) is { } count)
                {
                    indexed = count;
                    state = CopySearchIndex.Built;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                StoreCopier.Info(log, "The copy is complete; the search index was not finished, and the destination's next sync finishes it.");
                throw;
            }
            catch (Exception exception) when (exception is HostawayException or IOException or UnauthorizedAccessException || store?.IsStoreFailure(exception) == true)
            {
                Warn($"The copy is complete, but its search index could not be built ({exception.Message}); search results stay incomplete until the destination's next sync builds it.");
            }
            finally
            {
                store?.Dispose();
            }
        }
        else if (state == CopySearchIndex.Pending)
        {
            StoreCopier.Info(log, "The search index is built from the conversation files by the destination's next sync.");
        }

        var indexTime = state == CopySearchIndex.Built ? time.GetElapsedTime(clock) : TimeSpan.Zero;
        return new StoreCopyResult(options.Source.Display, options.Destination.Display, _tables, duration, _replaced, state, indexed, indexTime);
    }

    /// <summary>
    /// A table's columns, which must be the same in both stores, with their kinds from the PostgreSQL side (either one);
    /// between two SQLite databases, SQLite's values pass as they are.
    /// </summary>
    private static List<CopyColumn> Columns(string table, IReadOnlyList<(string Name, string? PostgresType)> source, IReadOnlyList<(string Name, string? PostgresType)> destination)
    {
        if (source.Count == 0 || !source.Select(c => c.Name).Order(StringComparer.Ordinal).SequenceEqual(destination.Select(c => c.Name).Order(StringComparer.Ordinal)))
        {
            throw new InvalidOperationException(
                $"The table {table} has the columns ({string.Join(", ", source.Select(c => c.Name))}) in the source and ({string.Join(", ", destination.Select(c => c.Name))}) in the destination.");
        }

        var typed = source.Any(c => c.PostgresType is not null) ? source : destination;
        var types = typed.ToDictionary(c => c.Name, c => c.PostgresType, StringComparer.Ordinal);
        return source.Select(c => new CopyColumn(c.Name, types[c.Name] is { } type ? CopyValues.KindOf(type) : CopyColumnKind.Raw)).ToList();
    }

    private void CopyTable(ICopySource source, ICopyDestination destination, CopyTable table, long total)
    {
        var clock = options.Time.GetTimestamp();
        var columns = Columns(
            table.Name, StoreCopier.Guard(source.AsStoreError, () => source.Columns(table.Name)), StoreCopier.Guard(destination.AsStoreError, () => destination.Columns(table.Name)));
        var names = columns.Select(c => c.Name).ToList();
        var keys = table.Key.Select(key => names.IndexOf(key)).ToArray();
        var self = table.SelfReference is { } column ? names.IndexOf(column) : -1;
        var references = new List<(long Key, long Reference)>();
        long done = 0;
        object[]? after = null;
        Report(table.Name, 0, total, false);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = StoreCopier.Guard(source.AsStoreError, () => source.Read(table, columns, after, options.BatchSize));
            if (rows.Count == 0)
            {
                break;
            }

            if (self >= 0)
            {
                // Written once every row of the table is there: a row may refer to one with a higher key.
                foreach (var row in rows.Where(r => r[self] is not null))
                {
                    references.Add(((long)row[keys[0]]!, (long)row[self]!));
                    row[self] = null;
                }
            }

            StoreCopier.Guard(destination.AsStoreError, () => destination.Write(table, columns, rows));
            done += rows.Count;
            _rowsDone += rows.Count;
            after = keys.Select(k => rows[^1][k]!).ToArray();
            Report(table.Name, done, total, false);
            if (rows.Count < options.BatchSize)
            {
                break;
            }
        }

        if (done != total)
        {
            // The snapshot does not change under the copy: a difference would be rows lost in the paging.
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The copy read {done} rows of {table.Name}, whose source holds {total}."));
        }

        if (references.Count > 0)
        {
            StoreCopier.Guard(destination.AsStoreError, () => destination.SetReferences(table, references));
        }

        if (table.Identity is not null)
        {
            var highest = StoreCopier.Guard(source.AsStoreError, () => source.HighestId(table));
            StoreCopier.Guard(destination.AsStoreError, () => destination.SetHighestId(table, highest));
        }

        Report(table.Name, done, total, true);
        StoreCopier.Info(log, string.Create(CultureInfo.InvariantCulture, $"Copied {table.Name}: {done:N0} rows in {options.Time.GetElapsedTime(clock).TotalSeconds:0.00} s."));
    }

    private void Report(string table, long done, long total, bool completed) =>
        progress?.Invoke(new StoreCopyProgress(table, done, total, _rowsDone, _rowsTotal, completed));

    private void ReportIndex(long done, long total, bool completed) => Report(CopyCatalog.SearchTable, done, total, completed);

    private void Warn(string message)
    {
        if (log.IsEnabled(SyncLogLevel.Warning))
        {
            log.Write(SyncLogLevel.Warning, message);
        }
    }
}
