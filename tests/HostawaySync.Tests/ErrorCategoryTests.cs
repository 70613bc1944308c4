namespace HostawaySync.Tests;

/// <summary>
/// Every kind of engine error reaches PowerShell with its own category, read from the module as shipped (the engine's
/// ErrorKind lives in the module's private load context, so it is enumerated there, not referenced here).
/// </summary>
public sealed class ErrorCategoryTests
{
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["InvalidArgument"] = "InvalidArgument",
        ["StoreNotWritable"] = "PermissionDenied",
        ["StoreUnusable"] = "InvalidData",
        ["StoreLocked"] = "ResourceBusy",
        ["Authentication"] = "AuthenticationError",
        ["RateLimited"] = "LimitsExceeded",
        ["Unavailable"] = "ConnectionError",
        ["BadData"] = "InvalidData",
        ["AlreadyExists"] = "ResourceExists",
        ["WriteFailed"] = "WriteError",
        // A secret file others can read (or whose folder they can write to): not used, and said so as a security error.
        ["Insecure"] = "SecurityError",
        // A defect of the module: not a user's invalid data, argument or permission.
        ["Internal"] = "NotSpecified",
    };

    [Fact]
    public void Every_error_kind_maps_to_its_category_and_none_is_left_to_the_fallback()
    {
        const string Script = """
            $assembly = (Get-Module HostawaySync).ImplementingAssembly
            $method = $assembly.GetType('HostawaySync.Infrastructure.ErrorRecordFactory', $true).GetMethod('CategoryFor', [Reflection.BindingFlags]'NonPublic,Static')
            foreach ($kind in [Enum]::GetValues($method.GetParameters()[0].ParameterType)) { "$kind=$($method.Invoke($null, @($kind)))" }
            """;

        var (output, errors) = ModuleHost.Run(Script, new Dictionary<string, object?>());

        Assert.Empty(errors);
        var actual = output.Select(o => o.BaseObject.ToString()!.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        Assert.Equal(Expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
