using System.Text.Json;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Lists of ids for SQL as one JSON array parameter: <c>IN (SELECT value FROM json_each(@Ids))</c>. One bound value
/// instead of one per id keeps the statement the same whatever the list's length (it is prepared once), avoids
/// SQLite's limit on bound values, and avoids binding hundreds of named parameters. Integers only: they survive
/// JSON exactly; text is always bound as parameters.
/// </summary>
internal static class JsonIds
{
    public static string Of(IEnumerable<long> ids) => JsonSerializer.Serialize(ids);
}
