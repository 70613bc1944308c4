namespace HostawaySync.Simulator.Model;

/// <summary>The fixed inputs every derivation depends on: what makes one simulated account differ from another.</summary>
/// <param name="Seed">The simulator seed.</param>
/// <param name="AccountId">The account id written into objects.</param>
/// <param name="Dataset">Size and shape options.</param>
internal sealed record DatasetContext(int Seed, long AccountId, DatasetOptions Dataset)
{
    /// <summary>Hash of the seed with a tag and an entity id: the root of every per-entity derivation.</summary>
    public ulong Hash(long tag, long id) => Util.StableHash.Of(Seed, tag, id);

    /// <summary>Hash of the seed with a tag, an entity id and a version or index.</summary>
    public ulong Hash(long tag, long id, long sub) => Util.StableHash.Of(Seed, tag, id, sub);
}
