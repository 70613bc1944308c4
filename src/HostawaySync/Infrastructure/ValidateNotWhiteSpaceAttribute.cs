using System.Management.Automation;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Rejects an argument that is empty or only white space, as parameter validation (PowerShellStandard 5.1 has no
/// ValidateNotNullOrWhiteSpace), so the error names the parameter and nothing runs.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateNotWhiteSpaceAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is not string text || string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationMetadataException("The argument is empty or white space. Give the words to search for.");
        }
    }
}
