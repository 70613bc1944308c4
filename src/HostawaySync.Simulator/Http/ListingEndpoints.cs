using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Json;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Mutation;
using Microsoft.AspNetCore.Http;

namespace HostawaySync.Simulator.Http;

/// <summary><c>GET /v1/listings</c> and <c>GET /v1/listings/{id}</c>.</summary>
internal static class ListingEndpoints
{
    private static readonly string[] SortOrders =
        ["name", "nameReversed", "order", "orderReversed", "contactName", "contactNameReversed", "latestActivity", "latestActivityDesc"];

    /// <summary>Lists listings: filters city, country, match, latestActivityStart/End; documented sort orders.</summary>
    public static ApiResponse List(ListCall call, IQueryCollection raw)
    {
        var query = new QueryReader(raw);
        var page = PageRequest.Read(query, call.Settings.MaxPageSize);
        var sortOrder = query.OneOf("sortOrder", SortOrders);
        var activityStart = query.Date("latestActivityStart");
        var activityEnd = query.Date("latestActivityEnd");
        var city = query.String("city");
        var country = query.String("country");
        var match = query.String("match");
        var includeResources = query.Flag("includeResources");
        if (query.Error is { } error)
        {
            return ApiResponse.FailResult(400, error);
        }

        // Only the plain list in the display order takes moves (they put a listing first in that order).
        var plain = city is null && country is null && match is null && activityStart is null && activityEnd is null
            && sortOrder is null or "order";
        return Paging.Serve(
            call,
            page,
            EnvelopeShape.Plain,
            snapshot => new OrderedRows<ListingState>(Sort(Filter(snapshot, city, country, match, activityStart, activityEnd), sortOrder).ToList()),
            plain ? l => new RowMove(MoveKind.Listing, l.Id) : null,
            snapshot => (w, l) => ListingWriter.Write(w, snapshot.Context, l, includeResources));
    }

    private static IEnumerable<ListingState> Filter(
        AccountSnapshot snapshot, string? city, string? country, string? match, DateOnly? activityStart, DateOnly? activityEnd)
    {
        IEnumerable<ListingState> rows = snapshot.ListingsInDisplayOrder;
        if (city is not null)
        {
            rows = rows.Where(l => string.Equals(Catalog.Cities[l.CityIndex].City, city, StringComparison.OrdinalIgnoreCase));
        }

        if (country is not null)
        {
            rows = rows.Where(l => string.Equals(Catalog.Cities[l.CityIndex].Country, country, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Catalog.Cities[l.CityIndex].CountryCode, country, StringComparison.OrdinalIgnoreCase));
        }

        if (match is not null)
        {
            rows = rows.Where(l => l.Name.Contains(match, StringComparison.OrdinalIgnoreCase));
        }

        // Date-granular and inclusive: the date part of latestActivityOn is compared with the given days.
        if (activityStart is { } from)
        {
            rows = rows.Where(l => DateOnly.FromDateTime(l.LatestActivityOn) >= from);
        }

        if (activityEnd is { } to)
        {
            rows = rows.Where(l => DateOnly.FromDateTime(l.LatestActivityOn) <= to);
        }

        return rows;
    }

    /// <summary>One listing, or 404.</summary>
    public static ApiResponse Get(AccountSnapshot snapshot, long? id, IQueryCollection raw)
    {
        var listing = id is null ? null : snapshot.FindListing(id.Value);
        if (listing is null)
        {
            return ApiResponse.FailResult(404, "Listing not found");
        }

        var includeResources = new QueryReader(raw).Flag("includeResources");
        return ApiResponse.Single(w => ListingWriter.Write(w, snapshot.Context, listing, includeResources));
    }

    private static IEnumerable<ListingState> Sort(IEnumerable<ListingState> rows, string? sortOrder) => sortOrder switch
    {
        "name" => rows.OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Id),
        "nameReversed" => rows.OrderByDescending(l => l.Name, StringComparer.OrdinalIgnoreCase).ThenByDescending(l => l.Id),
        "orderReversed" => rows.OrderByDescending(l => l.Order).ThenByDescending(l => l.Id),
        "contactName" => rows.OrderBy(l => l.ContactName, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Id),
        "contactNameReversed" => rows.OrderByDescending(l => l.ContactName, StringComparer.OrdinalIgnoreCase).ThenByDescending(l => l.Id),
        "latestActivity" => rows.OrderBy(l => l.LatestActivityOn).ThenBy(l => l.Id),
        "latestActivityDesc" => rows.OrderByDescending(l => l.LatestActivityOn).ThenByDescending(l => l.Id),
        _ => rows, // "order" and the default: the display order the snapshot keeps
    };
}
