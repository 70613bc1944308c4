using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace HostawaySync.Tests;

/// <summary>Runs PowerShell in this process against the built module folder and captures every stream.</summary>
public static class ModuleHost
{
    private static readonly Lazy<string> ManifestPath = new(FindManifest);

    public static string Manifest => ManifestPath.Value;

    public static string ModuleFolder => Path.GetDirectoryName(Manifest)!;

    public static (Collection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors) Run(string script, IDictionary<string, object?>? variables = null)
    {
        var state = InitialSessionState.CreateDefault();
        using var ps = PowerShell.Create(state);
        ps.AddScript("$ErrorActionPreference = 'Stop'; Import-Module $args[0] -ErrorAction Stop").AddArgument(Manifest);
        ps.Invoke();
        Assert.False(ps.HadErrors, string.Join(Environment.NewLine, ps.Streams.Error));
        ps.Commands.Clear();

        ps.AddScript(script);
        if (variables is not null)
        {
            foreach (var (name, value) in variables)
            {
                ps.Runspace.SessionStateProxy.SetVariable(name, value);
            }
        }

        Collection<PSObject> output;
        var errors = new List<ErrorRecord>();
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException exception)
        {
            output = [];
            errors.Add(exception.ErrorRecord);
        }

        errors.AddRange(ps.Streams.Error);
        return (output, errors);
    }

    private static string FindManifest()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HOSTAWAYSYNC_MODULE_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HostawaySync.sln")))
            {
                var manifest = Path.Combine(folder.FullName, "out", "HostawaySync", "HostawaySync.psd1");
                return File.Exists(manifest) ? manifest : throw new InvalidOperationException($"{manifest} does not exist: run 'dotnet pwsh ./build.ps1 -Task Build' first.");
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (HostawaySync.sln) above " + AppContext.BaseDirectory);
    }
}
