using System.Globalization;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Api;

/// <summary>The API client's user-facing errors. None of them ever contains the API secret or a token.</summary>
internal static class ApiErrors
{
    public static HostawayException Rejected(string what, int status, string reason) => new(
        ErrorIds.ApiRequestRejected, ErrorKind.BadData,
        string.Create(CultureInfo.InvariantCulture, $"The Hostaway API rejected {what} (HTTP {status}): {reason}"),
        "This is not expected for a read-only sync; report it with the message above.", what);

    public static HostawayException Unavailable(string what, ApiAttemptException last, int retries) => new(
        ErrorIds.ApiUnavailable, ErrorKind.Unavailable,
        string.Create(CultureInfo.InvariantCulture, $"The Hostaway API stayed unavailable for {what} after {retries} retries; last error: {last.Message}."),
        "Check the network and https://status.hostaway.com, then run the sync again; it resumes from the last stored page.", what, last);

    public static HostawayException RateLimited(string what, int retries) => new(
        ErrorIds.RateLimited, ErrorKind.RateLimited,
        string.Create(CultureInfo.InvariantCulture, $"The Hostaway API kept answering 429 Too Many Requests for {what} after {retries} waits."),
        "Another program may be using the same account's rate limit. Lower HOSTAWAY_REQUESTS_PER_10S or run the sync later.", what);

    public static HostawayException AuthFailed(string accountId, string detail) => new(
        ErrorIds.AuthFailed, ErrorKind.Authentication,
        $"The Hostaway API refused the credentials of account '{accountId}': {detail}",
        "Check the account id and API secret (-Credential, or HOSTAWAY_ACCOUNT_ID and HOSTAWAY_API_KEY). Create a new secret in Hostaway under Settings > Hostaway API if needed.",
        accountId);

    public static HostawayException BadData(string what, Exception inner) => new(
        ErrorIds.ApiBadData, ErrorKind.BadData,
        $"The Hostaway API returned data that cannot be read for {what}: {inner.Message}",
        "Run the sync again; if it keeps failing, report the message above.", what, inner);

    public static HostawayException Incomplete(string what, PassTally tally) => Incomplete(what, tally.Describe(what));

    public static HostawayException Incomplete(string what, string saw) => new(
        ErrorIds.SyncIncomplete, ErrorKind.BadData,
        $"The pass over {what} {saw}: it cannot show it saw everything, so it is not a success.",
        "What was seen is stored; run the sync again. If this repeats, report the message above: the API serves fewer rows than it counts.", what);

    public static HostawayException Unreadable(string what, IReadOnlyCollection<UnreadableRow> rows) => new(
        ErrorIds.ApiRowUnreadable, ErrorKind.BadData,
        string.Create(CultureInfo.InvariantCulture, $"{rows.Count} {what} row(s) from the Hostaway API could not be read and were not stored: ")
            + string.Join("; ", rows.Take(5)) + (rows.Count > 5 ? "; ..." : string.Empty),
        "Every other row was stored. Run the sync again later; if the rows stay unreadable, report the message above.", what);
}
