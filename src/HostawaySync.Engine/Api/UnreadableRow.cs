namespace HostawaySync.Engine.Api;

/// <summary>A row of a list page that could not be read at all (no usable id, or not an object).</summary>
/// <param name="Endpoint">The request that served it, without the host.</param>
/// <param name="Id">Its id as the API sent it, when one could be found; otherwise its position on the page.</param>
/// <param name="Reason">Why it could not be read.</param>
public sealed record UnreadableRow(string Endpoint, string Id, string Reason)
{
    /// <summary>One line for a warning or the sync log.</summary>
    public override string ToString() => $"{Id} ({Endpoint}): {Reason}";
}
