namespace HostawaySync.Engine.Store;

/// <summary>
/// Stores consecutive pages of one pass in shared units of work: a page and its checkpoint are always stored together
/// and a unit holds only whole pages, but the store decides when a unit commits. Disposing it commits what it holds.
/// </summary>
internal interface IStorePages : IDisposable
{
    /// <summary>Runs <paramref name="work"/> (one whole page of <paramref name="rows"/> rows) in the open unit, which commits when due.</summary>
    void Write(int rows, Action<IStoreWork> work);

    /// <summary>Commits the pages stored so far.</summary>
    void Commit();
}
