using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Stores consecutive pages of one pass in shared transactions: a page's rows and its checkpoint are still written
/// together, and a transaction holds only whole pages, but a commit comes every <see cref="MaxRows"/> rows or
/// <see cref="MaxAge"/>, whichever is first, rather than after every page. Each page dirties about one index page
/// per row and index (reservations carry six), and committing them page by page wrote most of them to disk ten
/// times over. A failed page rolls back its whole group (those pages are fetched again); a pass that stops between
/// pages (an API error, Ctrl+C) commits what it has when disposed. Kill -9 loses at most one group, never consistency.
/// </summary>
internal sealed class PageTransaction : IStorePages
{
    /// <summary>Rows after which the group commits.</summary>
    public const int MaxRows = 1000;

    /// <summary>Age after which the group commits (checked as each page is stored), so a slow API never holds work back long.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private SqliteStoreWork? _work;
    private long _startedAt;
    private int _rows;

    public PageTransaction(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <summary>Runs <paramref name="work"/> (one whole page of <paramref name="rows"/> rows) in the open group, then commits the group if it is due.</summary>
    public void Write(int rows, Action<IStoreWork> work)
    {
        if (_work is null)
        {
            _work = new SqliteStoreWork(_connection);
            _startedAt = _time.GetTimestamp();
        }

        try
        {
            work(_work);
        }
        catch
        {
            _work.Dispose();
            _work = null;
            _rows = 0;
            throw;
        }

        _rows += rows;
        if (_rows >= MaxRows || _time.GetElapsedTime(_startedAt) >= MaxAge)
        {
            Commit();
        }
    }

    /// <summary>Commits the pages stored so far.</summary>
    public void Commit()
    {
        if (_work is null)
        {
            return;
        }

        var work = _work;
        _work = null;
        _rows = 0;
        using (work)
        {
            work.Commit();
        }
    }

    public void Dispose() => Commit();
}
