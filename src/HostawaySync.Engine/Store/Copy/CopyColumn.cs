namespace HostawaySync.Engine.Store.Copy;

/// <summary>A column of a copied table and what it holds.</summary>
/// <param name="Name">Its name, alike in both stores.</param>
/// <param name="Kind">How its values convert between the stores.</param>
internal sealed record CopyColumn(string Name, CopyColumnKind Kind);
