using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Tests.Errors;

/// <summary>
/// The README's error table is the list users match their scripts against: it must hold exactly the ids of
/// <see cref="ErrorIds"/>, the one list the code raises them from, each once.
/// </summary>
public sealed partial class ErrorIdsDocumentedTests
{
    [Fact]
    public void The_readme_error_table_lists_every_error_id_once_and_no_other()
    {
        var ids = typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();
        var documented = TableIds(File.ReadAllText(Path.Combine(RepositoryFolder.Find(), "README.md")));

        Assert.True(ids.Count > 30, $"only {ids.Count} ids found in ErrorIds");
        Assert.Equal(documented.Distinct(StringComparer.Ordinal).Count(), documented.Count);
        Assert.Equal("missing from the README: ; not an error id: ", string.Create(CultureInfo.InvariantCulture,
            $"missing from the README: {string.Join(", ", ids.Except(documented))}; not an error id: {string.Join(", ", documented.Except(ids))}"));
    }

    [Fact]
    public void Every_error_id_is_distinct_and_named_as_hostaway_ids_are()
    {
        var ids = typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^Hostaway[A-Z][A-Za-z]+$", id));
    }

    // The rows of the table under the "| Error id | When |" heading, to the first line that is not a table row.
    private static List<string> TableIds(string readme)
    {
        var lines = readme.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l.StartsWith("| Error id |", StringComparison.Ordinal));
        Assert.True(start >= 0, "README.md has no '| Error id | When |' table");
        return [.. lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => FirstCell().Match(l))
            .Select(m => m.Success ? m.Groups[1].Value : "(row without an id)")];
    }

    [GeneratedRegex(@"^\|\s*`([^`]+)`\s*\|")]
    private static partial Regex FirstCell();
}
