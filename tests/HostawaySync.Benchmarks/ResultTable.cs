namespace HostawaySync.Benchmarks;

/// <summary>
/// Figures that vary along one axis (one row per case, the same columns for each), which a list of figures would
/// spread over as many lines as there are cells.
/// </summary>
/// <param name="Columns">Column headings; each row has one figure per column.</param>
/// <param name="Rows">The rows, in the order the report shows them.</param>
public sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<Figure>> Rows);
