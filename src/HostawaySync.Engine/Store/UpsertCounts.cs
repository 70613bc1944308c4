namespace HostawaySync.Engine.Store;

/// <summary>What a write did to the rows it was given.</summary>
internal sealed class UpsertCounts
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Deleted { get; set; }

    public void Add(UpsertCounts other)
    {
        Created += other.Created;
        Updated += other.Updated;
        Unchanged += other.Unchanged;
        Deleted += other.Deleted;
    }
}
