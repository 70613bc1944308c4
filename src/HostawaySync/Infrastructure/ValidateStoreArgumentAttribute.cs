using System.Management.Automation;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Validates -DatabasePath and -DatabaseUrl: an empty or white-space argument is refused, but null is allowed, because
/// objects piped from the other store carry the property empty (a SQLite object has no DatabaseUrl, a PostgreSQL one no
/// DatabasePath) and must still bind. ValidateNotNullOrEmpty would refuse those objects.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateStoreArgumentAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (arguments is string text && string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationMetadataException(
                "The argument is empty. Give a SQLite file path (-DatabasePath) or a PostgreSQL URL (-DatabaseUrl), or leave both out to use the configured store.");
        }
    }
}
