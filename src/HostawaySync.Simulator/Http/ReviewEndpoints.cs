using HostawaySync.Simulator.Json;
using HostawaySync.Simulator.Model;
using Microsoft.AspNetCore.Http;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// <c>GET /v1/reviews</c> and <c>/v1/reviews/{id}</c>. The list is sorted by <c>sortBy</c> (default id) and
/// <c>sortOrder</c> (default asc), ties broken by id in the same direction, so offset paging is stable. Reviews never
/// move within that order (no review field a sort uses changes), so the list takes no row moves; a review created
/// or deleted during a pass still shifts the rows after it.
/// </summary>
internal static class ReviewEndpoints
{
    private static readonly string[] SortKeys = ["id", "guestName", "arrivalDate", "departureDate"];
    private static readonly string[] SortOrders = ["asc", "desc"];

    /// <summary>Lists reviews with the documented filters.</summary>
    public static ApiResponse List(ListCall call, IQueryCollection raw)
    {
        var query = new QueryReader(raw);
        var page = PageRequest.Read(query, call.Settings.MaxPageSize);
        var filter = new ReviewFilter
        {
            ListingIds = query.IdList("listingMapIds"),
            ReservationId = query.Id("reservationId"),
            Type = query.OneOf("type", ReviewStatuses.Types),
            Statuses = query.OneOfList("statuses", ReviewStatuses.All),
            DepartureStart = query.Date("departureDateStart"),
            DepartureEnd = query.Date("departureDateEnd"),
            GuestName = query.String("guestName"),
            RatingMin = query.Int("ratingMin", 0),
            RatingMax = query.Int("ratingMax", 0),
        };
        var sortBy = query.OneOf("sortBy", SortKeys) ?? "id";
        var descending = query.OneOf("sortOrder", SortOrders) == "desc";
        if (query.Error is { } error)
        {
            return ApiResponse.FailResult(400, error);
        }

        if (filter.RatingMin > 10 || filter.RatingMax > 10)
        {
            return ApiResponse.FailResult(400, "Invalid value for ratingMin/ratingMax: ratings go from 0 to 10.");
        }

        return Paging.Serve(
            call,
            page,
            EnvelopeShape.CountOffset,
            snapshot => new OrderedRows<ReviewState>(Sorted(snapshot.Reviews.Where(filter.Matches), sortBy, descending)),
            null,
            snapshot => (w, r) => ReviewWriter.Write(w, snapshot, r));
    }

    /// <summary>One review, or 404.</summary>
    public static ApiResponse Get(AccountSnapshot snapshot, long? id)
    {
        var review = id is null ? null : snapshot.FindReview(id.Value);
        return review is null
            ? ApiResponse.FailResult(404, "Review not found")
            : ApiResponse.Single(w => ReviewWriter.Write(w, snapshot, review));
    }

    private static List<ReviewState> Sorted(IEnumerable<ReviewState> reviews, string sortBy, bool descending) => sortBy switch
    {
        "guestName" => Order(reviews, r => r.GuestName, descending, StringComparer.Ordinal),
        "arrivalDate" => Order(reviews, r => r.ArrivalOn, descending, Comparer<DateTime>.Default),
        "departureDate" => Order(reviews, r => r.DepartureOn, descending, Comparer<DateTime>.Default),
        _ => Order(reviews, r => r.Id, descending, Comparer<long>.Default),
    };

    private static List<ReviewState> Order<TKey>(IEnumerable<ReviewState> reviews, Func<ReviewState, TKey> key, bool descending, IComparer<TKey> comparer) =>
        descending
            ? [.. reviews.OrderByDescending(key, comparer).ThenByDescending(r => r.Id)]
            : [.. reviews.OrderBy(key, comparer).ThenBy(r => r.Id)];
}
