using Dapper;

namespace HostawaySync.Engine.Queries;

/// <summary>Builds a WHERE clause from optional filters. Only column names (constants) enter the SQL text; every value is a parameter.</summary>
internal sealed class QueryBuilder
{
    private readonly List<string> _conditions = [];
    private int _next;

    public DynamicParameters Parameters { get; } = new();

    public string Where => _conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", _conditions);

    public void In<T>(string column, IReadOnlyList<T>? values)
    {
        if (values is { Count: > 0 })
        {
            _conditions.Add($"{column} IN {Add(values)}");
        }
    }

    public void Like(string column, IReadOnlyList<string>? wildcards)
    {
        if (wildcards is { Count: > 0 })
        {
            _conditions.Add("(" + string.Join(" OR ", wildcards.Select(w => $"{column} LIKE {Add(SqlPatterns.Like(w))} ESCAPE '\\'")) + ")");
        }
    }

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
            var parts = group.Where(g => g.Values is { Count: > 0 }).Select(g => $"{g.Column} IN {Add(g.Values!)}").ToList();
            if (parts.Count == 0)
            {
                return;
            }

            alternatives.Add("(" + string.Join(" AND ", parts) + ")");
        }

        _conditions.Add("(" + string.Join(" OR ", alternatives) + ")");
    }

    private string Add(object value)
    {
        var name = "@p" + _next++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Parameters.Add(name, value);
        return name;
    }
}
