using System.Globalization;
using System.Text.RegularExpressions;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// The statements a copy runs, alike in SQLite and PostgreSQL (both quote identifiers with double quotes, compare row
/// values, and take <c>@name</c> parameters). Table and column names cannot be parameters: they come from
/// <see cref="CopyCatalog"/> and the stores' own catalogs, and are refused unless they are plain snake_case names.
/// </summary>
internal static partial class CopySql
{
    /// <summary>The parameter that carries a batch's size.</summary>
    public const string LimitParameter = "@limit";

    /// <summary>An identifier, double-quoted.</summary>
    public static string Quote(string identifier) =>
        Identifier().IsMatch(identifier) ? "\"" + identifier + "\"" : throw new InvalidOperationException($"'{identifier}' is not a name the copy uses.");

    /// <summary>The name of the parameter that carries the <paramref name="index"/>th key value of the previous batch's last row.</summary>
    public static string KeyParameter(int index) => "@k" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>A batch of rows in key order: the first one, or the one after the last row read (keyset paging).</summary>
    public static string SelectBatch(CopyTable table, IReadOnlyList<CopyColumn> columns, bool afterKey)
    {
        var keys = string.Join(", ", table.Key.Select(Quote));
        var after = afterKey ? $" WHERE ({keys}) > ({string.Join(", ", table.Key.Select((_, i) => KeyParameter(i)))})" : string.Empty;
        return $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)}{after} ORDER BY {keys} LIMIT {LimitParameter};";
    }

    /// <summary>The rows of one table.</summary>
    public static string Count(string table) => $"SELECT count(*) FROM {Quote(table)};";

    /// <summary>The rows of several tables together (0 when there are none).</summary>
    public static string CountAll(IEnumerable<string> tables)
    {
        var counts = tables.Select(t => $"(SELECT count(*) FROM {Quote(t)})").ToList();
        return counts.Count == 0 ? "SELECT 0;" : $"SELECT {string.Join(" + ", counts)};";
    }

    /// <summary>Every row of a table goes.</summary>
    public static string DeleteAll(string table) => $"DELETE FROM {Quote(table)};";

    /// <summary>The column list of an insert or COPY.</summary>
    public static string ColumnList(IReadOnlyList<CopyColumn> columns) => string.Join(", ", columns.Select(c => Quote(c.Name)));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
