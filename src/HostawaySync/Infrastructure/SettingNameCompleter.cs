using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using HostawaySync.Engine.Configuration;

namespace HostawaySync.Infrastructure;

/// <summary>Completes setting names for Get-HostawayConfiguration -Name and Set-HostawayConfiguration -Reset.</summary>
public sealed class SettingNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return SettingCatalog.All
            .Where(s => s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => new CompletionResult(s.Name, s.Name, CompletionResultType.ParameterValue, s.Description));
    }
}
