namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Stores each page of a pass in a transaction of its own, its checkpoint with it. SQLite groups pages because every
/// commit rewrote the index pages a page had dirtied; PostgreSQL's write-ahead log writes only what changed, so a commit
/// per page costs one WAL flush and keeps the rule simple: what is committed is exactly the pages stored.
/// </summary>
internal sealed class PostgresPageTransaction(ISyncStore store) : IStorePages
{
    public void Write(int rows, Action<IStoreWork> work)
    {
        using var unit = store.Begin();
        work(unit);
        unit.Commit();
    }

    // Every page committed as it was written: nothing is ever pending.
    public void Commit()
    {
    }

    public void Dispose()
    {
    }
}
