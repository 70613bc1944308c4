using System.Text.RegularExpressions;

namespace HostawaySync.Engine.Tests.Store;

/// <summary>
/// The store owns every statement: the syncers reach the database only through the store's contract, and the store
/// never refers back to the syncers. That seam is where a second store plugs in, so it is checked in the source itself.
/// </summary>
public sealed partial class StoreSeamTests
{
    private static readonly string Engine = Path.Combine(RepositoryFolder.Find(), "src", "HostawaySync.Engine");

    [Fact]
    public void Sync_code_has_no_SQLite_or_Dapper_using()
    {
        var offenders = SourceFiles("Sync").Where(f => UsesSqlAccess().IsMatch(File.ReadAllText(f))).Select(Relative);

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_SQL_statement_outside_the_store_and_the_read_only_queries()
    {
        var readers = new[] { "Store", "Queries", "Export" }.Select(folder => Path.Combine(Engine, folder) + Path.DirectorySeparatorChar).ToArray();
        var files = SourceFiles(".").Where(f => !readers.Any(r => f.StartsWith(r, StringComparison.Ordinal))).ToList();

        Assert.Contains(files, f => f.EndsWith("ReservationSyncer.cs", StringComparison.Ordinal));
        Assert.Empty(files.Where(f => SqlStatementString().IsMatch(File.ReadAllText(f))).Select(Relative));
    }

    [Fact]
    public void Store_code_never_refers_to_sync_types()
    {
        var offenders = SourceFiles("Store").Where(f => File.ReadAllText(f).Contains("HostawaySync.Engine.Sync", StringComparison.Ordinal)).Select(Relative);

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_statement_pattern_finds_plain_and_raw_string_statements()
    {
        Assert.Matches(SqlStatementString(), "x = \"SELECT count(*) FROM t\";");
        Assert.Matches(SqlStatementString(), "x = \"\"\"\n        UPDATE t SET a = 1;\n        \"\"\";");
        Assert.DoesNotMatch(SqlStatementString(), "x = \"Update the module, then try again.\";");
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.GetFullPath(Path.Combine(Engine, folder)), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(Engine, file);

    [GeneratedRegex(@"^\s*using\s+(Microsoft\.Data\.Sqlite|Dapper)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsesSqlAccess();

    // A string literal (plain, verbatim or raw) that starts with a statement keyword; case-sensitive, as the store writes SQL.
    [GeneratedRegex(@"""\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\s")]
    private static partial Regex SqlStatementString();
}
