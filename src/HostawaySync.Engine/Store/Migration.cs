namespace HostawaySync.Engine.Store;

/// <summary>One schema step, loaded from an embedded <c>Store/Migrations/NNNN_name.sql</c> file.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
