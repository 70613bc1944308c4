namespace HostawaySync.Chaos;

/// <summary>One line of a scenario's table: named values in column order (numbers stay numbers in the JSON).</summary>
public sealed class ReportRow
{
    private readonly List<KeyValuePair<string, object?>> _cells = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Cells => _cells;

    public ReportRow Add(string column, object? value)
    {
        _cells.Add(new(column, value));
        return this;
    }
}
