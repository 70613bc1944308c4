using System.Management.Automation;

namespace HostawaySync.Tests;

public sealed class InitializeCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "hostawaysync-tests", Guid.NewGuid().ToString("N"));

    public InitializeCommandTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Returns_a_typed_description_of_the_new_database()
    {
        var path = Path.Combine(_temp, "nested", "hostaway.db");

        var (output, errors) = ModuleHost.Run("Initialize-HostawayDatabase -DatabasePath $dbPath", new Dictionary<string, object?> { ["dbPath"] = path });

        Assert.Empty(errors);
        var result = Assert.Single(output);
        Assert.Equal("HostawaySync.Output.HostawayDatabaseInfo", result.BaseObject.GetType().FullName);
        Assert.Equal(path, result.Properties["Path"].Value);
        Assert.Equal("Created", result.Properties["Action"].Value);
        Assert.Contains("reservations", (string[])result.Properties["Tables"].Value);
    }

    [Fact]
    public void Engine_errors_become_terminating_errors_with_stable_ids_categories_and_advice()
    {
        var path = Path.Combine(_temp, "notes.txt");
        File.WriteAllText(path, "not a database");

        var (output, errors) = ModuleHost.Run("Initialize-HostawayDatabase -DatabasePath $dbPath", new Dictionary<string, object?> { ["dbPath"] = path });

        Assert.Empty(output);
        var error = Assert.Single(errors);
        Assert.Equal("HostawayDatabaseNotSqlite,HostawaySync.Commands.InitializeHostawayDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction));
        Assert.Equal("not a database", File.ReadAllText(path));
    }

    [Fact]
    public void Relative_paths_resolve_against_the_PowerShell_location_not_the_process_directory()
    {
        var (output, errors) = ModuleHost.Run("Set-Location -LiteralPath $folder; Initialize-HostawayDatabase -DatabasePath rel/x.db", new Dictionary<string, object?> { ["folder"] = _temp });

        Assert.Empty(errors);
        Assert.Equal(Path.Combine(_temp, "rel", "x.db"), Assert.Single(output).Properties["Path"].Value);
        Assert.True(File.Exists(Path.Combine(_temp, "rel", "x.db")));
    }
}
