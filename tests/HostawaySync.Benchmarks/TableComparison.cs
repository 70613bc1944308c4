namespace HostawaySync.Benchmarks;

/// <summary>One table against the ground truth: objects in the API, live rows stored, and how they differ.</summary>
/// <param name="Missing">Objects of the API not stored as live rows.</param>
/// <param name="Extra">Live rows the API does not have.</param>
/// <param name="Differ">Rows stored with other content than the API's (compared where the content is the API's object).</param>
public sealed record TableComparison(string Table, long Truth, long Stored, long Missing, long Extra, long Differ)
{
    public bool Equal => Missing == 0 && Extra == 0 && Differ == 0;
}
