using System.Globalization;
using System.Text;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Api;

/// <summary>Filters and order for <c>GET /v1/reservations</c>. The activity filters are date-granular, as the API defines them.</summary>
public sealed record ReservationQuery
{
    private static readonly string[] SortOrders =
    [
        "arrivalDate", "arrivalDateDesc", "lastConversationMessageSent", "lastConversationMessageSentDesc",
        "lastConversationMessageReceived", "lastConversationMessageReceivedDesc", "latestActivity", "latestActivityDesc", "updatedOn",
    ];

    /// <summary>Only this listing (<c>listingId</c>).</summary>
    public long? ListingId { get; init; }

    /// <summary>Only this channel.</summary>
    public int? ChannelId { get; init; }

    /// <summary>Latest activity on or after this date.</summary>
    public DateOnly? LatestActivityStart { get; init; }

    /// <summary>Latest activity on or before this date.</summary>
    public DateOnly? LatestActivityEnd { get; init; }

    /// <summary>Arrival on or after.</summary>
    public DateOnly? ArrivalStart { get; init; }

    /// <summary>Arrival on or before.</summary>
    public DateOnly? ArrivalEnd { get; init; }

    /// <summary>Departure on or after.</summary>
    public DateOnly? DepartureStart { get; init; }

    /// <summary>Departure on or before.</summary>
    public DateOnly? DepartureEnd { get; init; }

    /// <summary>A documented sort order; null for the default (updatedOn descending, then id descending).</summary>
    public string? SortOrder { get; init; }

    /// <summary>Ask for fees, units and custom fields too (default true: the store keeps whole objects).</summary>
    public bool IncludeResources { get; init; } = true;

    internal string ToRelativeUrl(int limit, long? afterId)
    {
        if (SortOrder is not null && !SortOrders.Contains(SortOrder, StringComparer.Ordinal))
        {
            throw new HostawayException(ErrorIds.ConfigurationInvalid, ErrorKind.InvalidArgument, $"'{SortOrder}' is not a sort order the reservations endpoint knows.", "Use one of: " + string.Join(", ", SortOrders) + ".");
        }

        var url = new StringBuilder("reservations?limit=").Append(limit.ToString(CultureInfo.InvariantCulture));
        Append(url, "includeResources", IncludeResources ? "1" : null);
        Append(url, "afterId", afterId?.ToString(CultureInfo.InvariantCulture));
        Append(url, "sortOrder", SortOrder);
        Append(url, "listingId", ListingId?.ToString(CultureInfo.InvariantCulture));
        Append(url, "channelId", ChannelId?.ToString(CultureInfo.InvariantCulture));
        Append(url, "latestActivityStart", Format(LatestActivityStart));
        Append(url, "latestActivityEnd", Format(LatestActivityEnd));
        Append(url, "arrivalStartDate", Format(ArrivalStart));
        Append(url, "arrivalEndDate", Format(ArrivalEnd));
        Append(url, "departureStartDate", Format(DepartureStart));
        Append(url, "departureEndDate", Format(DepartureEnd));
        return url.ToString();
    }

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder url, string name, string? value)
    {
        if (value is not null)
        {
            url.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
