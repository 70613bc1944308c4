using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Completes listing ids (for -ListingId: by id prefix or by a part of the name) and listing names (for -Name and -ListingName) from
/// the database the command line names with -DatabasePath or -DatabaseUrl, else the configured one. Completion never fails:
/// a missing or unreadable database simply completes nothing.
/// </summary>
public sealed class ListingCompleter : IArgumentCompleter
{
    private const int MaxResults = 100;

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        List<ListingRecord> listings;
        try
        {
            var store = StoreChoice.Resolve(
                HostawaySettings.Resolve(SessionConfiguration.Current()),
                fakeBoundParameters?["DatabasePath"] as string,
                fakeBoundParameters?["DatabaseUrl"] as string,
                Path.GetFullPath).Location;
            if (store is SqliteStoreLocation sqlite && !File.Exists(sqlite.Path))
            {
                return [];
            }

            listings = [.. StoreReader.Listings(store, new ListingFilter())];
        }
        catch (Exception exception) when (exception is HostawayException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return [];
        }

        if (parameterName.EndsWith("Name", StringComparison.OrdinalIgnoreCase))
        {
            var pattern = WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase);
            return listings.Where(l => l.Name is not null && pattern.IsMatch(l.Name))
                .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase)
                .Take(MaxResults)
                .Select(l => new CompletionResult(Quote(l.Name!), l.Name, CompletionResultType.ParameterValue, Id(l.ListingId)));
        }

        return listings
            .Where(l => Id(l.ListingId).StartsWith(word, StringComparison.Ordinal) || (word.Length > 0 && l.Name?.Contains(word, StringComparison.OrdinalIgnoreCase) == true))
            .OrderBy(l => l.ListingId)
            .Take(MaxResults)
            .Select(l => new CompletionResult(Id(l.ListingId), $"{l.ListingId}  {l.Name}", CompletionResultType.ParameterValue, l.Name ?? Id(l.ListingId)));
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string name) =>
        name.IndexOfAny([' ', '\'', '"', '$', '`', ',', ';', '(', ')', '{', '}', '@', '#', '&', '|']) >= 0 ? "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'" : name;
}
