namespace HostawaySync.Engine.Store.Copy;

/// <summary>A HostawaySync table as the copy sees it: its name, the key it is read in order of, and what needs care.</summary>
/// <param name="Name">The table, named alike in both stores.</param>
/// <param name="Key">The primary key's columns: batches are read in their order, each after the last row of the one before.</param>
/// <param name="SelfReference">A column that refers to another row of the table (written after the whole table, so order does not matter).</param>
/// <param name="Identity">The column whose ids the store hands out itself (AUTOINCREMENT, identity): its counter is carried over.</param>
internal sealed record CopyTable(string Name, IReadOnlyList<string> Key, string? SelfReference = null, string? Identity = null);
