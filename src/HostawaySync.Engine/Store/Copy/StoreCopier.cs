using System.Globalization;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// Copies a HostawaySync database from one store to another (SQLite or PostgreSQL, either way): every table, the sync
/// state (cursors, checkpoints, the ids a full pass in progress has seen) and the sync log, so the destination's next
/// sync carries on incrementally where the source's left off.
/// <para>
/// The source is read in one snapshot and never written. The destination is written in one transaction while its
/// writer lock is held: until the commit its readers see what it held before, and a copy that stops (killed,
/// cancelled, a lost connection) leaves nothing of itself; running it again starts over. Restarting rather than
/// resuming is deliberate: the source may have been synced in between, and a copy resumed from a second snapshot
/// would mix two states of the account; a copy takes minutes, a full sync a day.
/// </para>
/// <para>
/// The search index holds terms, not text (SQLite's contentless FTS5 table cannot even be read back), so it is not
/// copied: the copy leaves the destination in the state of a database upgraded to the search schema, whose index the
/// next sync builds from the conversation files, and builds it at once when given the files' folder.
/// </para>
/// </summary>
public static class StoreCopier
{
    /// <summary>Rows read and written at a time, unless <see cref="StoreCopyOptions.BatchSize"/> says otherwise.</summary>
    public const int DefaultBatchSize = 5_000;

    /// <summary>
    /// What a copy would do: the source's tables and rows, and what the destination holds. Reads both, writes nothing.
    /// </summary>
    /// <param name="source">The database to copy.</param>
    /// <param name="destination">The store to copy into.</param>
    /// <param name="force">Whether the copy may replace HostawaySync data in the destination; without it such a destination is refused here.</param>
    /// <exception cref="HostawayException">
    /// HostawayCopyDestinationNotEmpty (without <paramref name="force"/>); HostawayCopySameDatabase; HostawayDatabaseNotFound
    /// for a missing source; HostawayCopySourceOutdated; the store errors of either side (unreachable, foreign, newer schema...).
    /// </exception>
    public static StoreCopyPlan Plan(StoreLocation source, StoreLocation destination, bool force)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        CheckDistinct(source, destination);
        List<StoreCopyTableCount> tables;
        using (var reader = StoreOpener.OpenCopySource(source))
        {
            tables = Guard(reader.AsStoreError, () => CopyCatalog.Tables.Select(t => new StoreCopyTableCount(t.Name, reader.Count(t.Name))).ToList());
        }

        var existing = StoreOpener.ExistingCopyRows(destination);
        return existing > 0 && !force
            ? throw CopyErrors.DestinationNotEmpty(destination, existing.Value)
            : new StoreCopyPlan(source.Display, destination.Display, tables, existing is not null, existing ?? 0);
    }

    /// <summary>
    /// Copies the source's database into the destination. Refuses (HostawayCopyDestinationNotEmpty) a destination that
    /// holds HostawaySync data unless <see cref="StoreCopyOptions.Force"/>, without writing to it.
    /// </summary>
    /// <param name="options">Source, destination and how.</param>
    /// <param name="log">Where to say what happens (a line per table).</param>
    /// <param name="progress">Called after every batch and at the end of every table, on the copy's thread.</param>
    /// <param name="cancellationToken">
    /// Stops the copy between two batches, leaving the destination as it was (OperationCanceledException). Cancelled
    /// while the search index is built, the copy itself is complete and the next sync finishes the index.
    /// </param>
    public static async Task<StoreCopyResult> CopyAsync(
        StoreCopyOptions options, ISyncLog? log = null, Action<StoreCopyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "The batch size must be at least 1.");
        }

        log ??= NullSyncLog.Instance;
        var time = options.Time;
        CheckDistinct(options.Source, options.Destination);
        var clock = time.GetTimestamp();
        var copy = new CopyRun(options, log, progress, cancellationToken);
        IDisposable writerLock;
        TimeSpan duration;
        using (var source = StoreOpener.OpenCopySource(options.Source))
        {
            copy.Count(source);
            // Refused before anything is written, the destination's schema included; checked again under its lock.
            if (StoreOpener.ExistingCopyRows(options.Destination) is > 0 and var rows && !options.Force)
            {
                throw CopyErrors.DestinationNotEmpty(options.Destination, rows);
            }

            writerLock = await StoreOpener.PrepareForWritingAsync(options.Destination, options.ModuleVersion, options.LockTimeout, time, cancellationToken).ConfigureAwait(false);
            try
            {
                copy.Run(source);
            }
            catch
            {
                writerLock.Dispose();
                throw;
            }

            duration = time.GetElapsedTime(clock);
        }

        // The source's snapshot is released; the destination stays locked while its search index is built.
        using (writerLock)
        {
            Info(log, string.Create(
                CultureInfo.InvariantCulture,
                $"Copied {copy.Rows:N0} rows in {copy.Tables.Count} tables from '{options.Source.Display}' to '{options.Destination.Display}' in {duration.TotalSeconds:0.0} s."));
            return copy.BuildSearchIndex(duration, time);
        }
    }

    /// <summary>Runs store work, turning a store's own failure into its user-facing error.</summary>
    internal static T Guard<T>(Func<Exception, HostawayException?> asStoreError, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception exception) when (asStoreError(exception) is { } error)
        {
            throw error;
        }
    }

    /// <summary>Runs store work, turning a store's own failure into its user-facing error.</summary>
    internal static void Guard(Func<Exception, HostawayException?> asStoreError, Action work)
    {
        try
        {
            work();
        }
        catch (Exception exception) when (asStoreError(exception) is { } error)
        {
            throw error;
        }
    }

    internal static void Info(ISyncLog log, string message)
    {
        if (log.IsEnabled(SyncLogLevel.Information))
        {
            log.Write(SyncLogLevel.Information, message);
        }
    }

    private static void CheckDistinct(StoreLocation source, StoreLocation destination)
    {
        var same = (source, destination) switch
        {
            (SqliteStoreLocation a, SqliteStoreLocation b) => string.Equals(
                Path.GetFullPath(a.Path), Path.GetFullPath(b.Path), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase),
            (PostgresStoreLocation a, PostgresStoreLocation b) => string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port
                && string.Equals(a.Database, b.Database, StringComparison.Ordinal) && string.Equals(a.Schema, b.Schema, StringComparison.Ordinal),
            _ => false,
        };
        if (same)
        {
            throw CopyErrors.SameDatabase(destination);
        }
    }
}
