using Dapper;

namespace HostawaySync.Engine.Queries;

/// <summary>
/// Builds a WHERE clause from optional filters, in the SQL of the store's <see cref="ReadDialect"/>. Only column names
/// (constants) enter the SQL text; every value is a parameter.
/// </summary>
internal sealed class QueryBuilder(ReadDialect dialect)
{
    private readonly List<string> _conditions = [];
    private int _next;

    public ReadDialect Dialect => dialect;

    public DynamicParameters Parameters { get; } = new();

    public string Where => _conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", _conditions);

    /// <summary>Rows whose <paramref name="column"/> is one of <paramref name="values"/>.</summary>
    public void In(string column, IReadOnlyList<long>? values)
    {
        if (values is { Count: > 0 })
        {
            _conditions.Add(dialect.In(column, Add(dialect.Ids(values))));
        }
    }

    /// <summary>Rows whose <paramref name="column"/> is one of <paramref name="values"/>, ignoring case (ASCII, as SQLite's lower()).</summary>
    public void InIgnoringCase(string column, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            _conditions.Add(dialect.In(dialect.Lower(column), Add(dialect.Texts(values.Select(v => v.ToLowerInvariant()).ToList()))));
        }
    }

    /// <summary>Rows whose <paramref name="column"/> matches at least one of the PowerShell <paramref name="wildcards"/>.</summary>
    public void Like(string column, IReadOnlyList<string>? wildcards)
    {
        if (wildcards is { Count: > 0 })
        {
            _conditions.Add("(" + string.Join(" OR ", wildcards.Select(w => dialect.Like(column, Add(dialect.Pattern(w))))) + ")");
        }
    }

    /// <summary>Rows whose <paramref name="column"/> compares so with <paramref name="value"/>, a parameter value of the dialect; null does not filter.</summary>
    public void Compare(string column, string op, object? value)
    {
        if (value is not null)
        {
            _conditions.Add($"{column} {op} {Add(value)}");
        }
    }

    public void Raw(string condition) => _conditions.Add(condition);

    /// <summary>Rows that pass at least one group, a group being columns each IN its values; a group without values passes every row.</summary>
    public void AnyOf(IReadOnlyList<IReadOnlyList<(string Column, IReadOnlyList<long>? Values)>>? groups)
    {
        if (groups is not { Count: > 0 })
        {
            return;
        }

        var alternatives = new List<string>();
        foreach (var group in groups)
        {
            var parts = group.Where(g => g.Values is { Count: > 0 }).Select(g => dialect.In(g.Column, Add(dialect.Ids(g.Values!)))).ToList();
            if (parts.Count == 0)
            {
                return;
            }

            alternatives.Add("(" + string.Join(" AND ", parts) + ")");
        }

        _conditions.Add("(" + string.Join(" OR ", alternatives) + ")");
    }

    /// <summary>Adds a parameter and returns its name, for conditions written with <see cref="Raw"/>.</summary>
    public string Add(object value)
    {
        var name = "@p" + _next++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Parameters.Add(name, value);
        return name;
    }
}
