using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>The review object, its list filters and sorts, the single endpoint and the generated data (read-only).</summary>
public sealed class ReviewTests(SmallSimulatorFixture fixture) : IClassFixture<SmallSimulatorFixture>
{
    private static readonly string[] Statuses = ["awaiting", "pending", "scheduled", "submitted", "published", "expired"];

    private readonly ApiClient _api = fixture.Client;

    private IReadOnlyList<JsonObject> Truth => fixture.Simulator.GetGroundTruth().Reviews;

    [SamplesFact]
    public async Task Review_objects_have_exactly_the_sample_fields_in_the_sample_order()
    {
        var sample = Samples.Load("review-single.json").Select(p => p.Key).ToList();
        var listSample = Samples.Load("reviews-list.json");
        Assert.Equal(sample, listSample["result"]![0]!.AsObject().Select(p => p.Key));

        var page = await _api.GetOkAsync("reviews");
        Assert.Equal(listSample.Select(p => p.Key), page.Select(p => p.Key));
        Assert.Null(page["offset"]);
        var reviews = await _api.PageAllAsync("reviews", 100);
        Assert.NotEmpty(reviews);
        Assert.All(reviews, r => Assert.Equal(sample, r.Select(p => p.Key)));
        var single = (await _api.GetOkAsync($"reviews/{reviews[0]["id"]}"))["result"]!.AsObject();
        Assert.Equal(sample, single.Select(p => p.Key));
    }

    [Fact]
    public void Reviews_agree_with_their_reservations_and_the_documented_value_formats()
    {
        var truth = fixture.Simulator.GetGroundTruth();
        var reservations = truth.Reservations.ToDictionary(r => r["id"]!.GetValue<long>());
        var now = fixture.Simulator.UtcNow;
        foreach (var review in truth.Reviews)
        {
            var where = $"review {review["id"]}";
            var reservation = reservations[review["reservationId"]!.GetValue<long>()];
            Assert.Equal(reservation["listingMapId"]!.GetValue<long>(), review["listingMapId"]!.GetValue<long>());
            Assert.Equal(reservation["channelId"]!.GetValue<int>(), review["channelId"]!.GetValue<int>());
            Assert.Equal(fixture.Simulator.AccountId, review["accountId"]!.GetValue<long>());
            Assert.StartsWith(reservation["arrivalDate"]!.GetValue<string>() + " ", review["arrivalDate"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.StartsWith(reservation["departureDate"]!.GetValue<string>() + " ", review["departureDate"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(19, review["departureDate"]!.GetValue<string>().Length);
            Assert.Contains(review["type"]!.GetValue<string>(), new[] { "guest-to-host", "host-to-guest" });
            var status = review["status"]!.GetValue<string>();
            Assert.Contains(status, Statuses);
            var written = status is "submitted" or "published";
            var rating = review["rating"]?.GetValue<int>();
            Assert.True(written == rating is not null, $"{where}: rating {rating} with status {status}");
            Assert.InRange(rating ?? 0, 0, 10);
            var categories = review["reviewCategory"]!.AsArray();
            Assert.True(rating is not null || categories.Count == 0, $"{where}: categories without a rating");
            Assert.All(categories, c => Assert.InRange(c!["rating"]!.GetValue<int>(), 0, 10));
            if (review["externalReservationId"] is { } external)
            {
                Assert.Equal(reservation["channelReservationId"]!.GetValue<string>(), external.GetValue<string>());
            }

            Assert.Contains(review["isCancelled"]!.GetValue<int>(), new[] { 0, 1 });
            if (review["isCancelled"]!.GetValue<int>() == 1)
            {
                Assert.Equal("cancelled", reservation["status"]!.GetValue<string>());
            }

            var departure = DateTime.ParseExact(review["departureDate"]!.GetValue<string>(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            if (departure > now)
            {
                Assert.True(status == "awaiting" && review["type"]!.GetValue<string>() == "guest-to-host", $"{where}: {status} before check-out");
            }
        }

        // Both types, Booking.com and Airbnb categories, hostile texts, answers and auto reviews.
        Assert.Contains(truth.Reviews, r => r["type"]!.GetValue<string>() == "host-to-guest");
        var categoryNames = truth.Reviews.SelectMany(r => r["reviewCategory"]!.AsArray()).Select(c => c!["category"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "cleanliness", "respect_house_rules", "staff", "value_for_money", "checkin" }, categoryNames);
        Assert.True(truth.Reviews.Count(r => r["publicReview"]?.GetValue<string>().Contains("DELETE FROM reviews", StringComparison.Ordinal) == true) >= 3);
        Assert.Contains(truth.Reviews, r => r["revieweeResponse"] is not null);
        Assert.Contains(truth.Reviews, r => r["scheduledDateTime"] is not null && r["autoReviewId"] is not null);
        var ratings = truth.Reviews.Select(r => r["rating"]?.GetValue<int>()).OfType<int>().ToList();
        Assert.InRange(ratings.Count(r => r >= 8) / (double)ratings.Count, 0.7, 0.95);
        Assert.Contains(ratings, r => r < 6);
        Assert.DoesNotContain(truth.Reservations, r => r["status"]!.GetValue<string>().StartsWith("inquiry", StringComparison.Ordinal)
            && truth.Reviews.Any(v => v["reservationId"]!.GetValue<long>() == r["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_medium_account_has_every_status_and_only_recent_stays_are_still_open()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Medium);
        var reviews = simulator.GetGroundTruth().Reviews;
        var now = simulator.UtcNow;
        Assert.All(Statuses, s => Assert.Contains(reviews, r => r["status"]!.GetValue<string>() == s));
        foreach (var review in reviews)
        {
            var departure = DateTime.ParseExact(review["departureDate"]!.GetValue<string>(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var period = TimeSpan.FromDays(review["channelId"]!.GetValue<int>() == 2005 ? 28 : 14);
            if (review["status"]!.GetValue<string>() is "awaiting" or "pending" or "scheduled" or "submitted" && review["isCancelled"]!.GetValue<int>() == 0)
            {
                Assert.True(now < departure + period, $"review {review["id"]} is still {review["status"]} after its period");
            }

            if (review["status"]!.GetValue<string>() == "expired")
            {
                Assert.True(now >= departure + period, $"review {review["id"]} expired within its period");
            }
        }
    }

    [Fact]
    public async Task The_ground_truth_is_what_the_pages_serve()
    {
        var paged = await _api.PageAllAsync("reviews", 37);
        Assert.Equal(Truth.Select(r => r.ToJsonString()), paged.Select(r => r.ToJsonString()));
        Assert.Equal(Truth.Count, (await _api.GetOkAsync("reviews?limit=1"))["count"]!.GetValue<int>());
        Assert.Equal(Truth.Count, fixture.Simulator.GetCounts().Reviews);
    }

    [Fact]
    public async Task Listing_filter_takes_brackets_repeats_and_commas()
    {
        var listings = Truth.GroupBy(r => r["listingMapId"]!.GetValue<long>()).OrderByDescending(g => g.Count()).Take(2).Select(g => g.Key).ToList();
        var expected = IdsWhere(r => listings.Contains(r["listingMapId"]!.GetValue<long>()));
        Assert.True(expected.Count < Truth.Count);
        foreach (var query in new[]
        {
            $"listingMapIds[]={listings[0]}&listingMapIds[]={listings[1]}",
            $"listingMapIds={listings[0]}&listingMapIds={listings[1]}",
            $"listingMapIds={listings[0]},{listings[1]}",
            $"listingMapIds%5B%5D={listings[0]}%2C{listings[1]}",
        })
        {
            Assert.Equal(expected, await AllIdsAsync("reviews?" + query));
        }
    }

    [Fact]
    public async Task Reservation_type_status_guest_and_rating_filters_each_select_what_they_say()
    {
        var reservationId = Truth.GroupBy(r => r["reservationId"]!.GetValue<long>()).First(g => g.Count() == 2).Key;
        Assert.Equal(IdsWhere(r => r["reservationId"]!.GetValue<long>() == reservationId), await AllIdsAsync($"reviews?reservationId={reservationId}"));
        Assert.Equal(IdsWhere(r => r["type"]!.GetValue<string>() == "host-to-guest"), await AllIdsAsync("reviews?type=host-to-guest"));

        var twoStatuses = IdsWhere(r => r["status"]!.GetValue<string>() is "expired" or "scheduled");
        Assert.NotEmpty(twoStatuses);
        Assert.Equal(twoStatuses, await AllIdsAsync("reviews?statuses[]=expired&statuses[]=scheduled"));
        Assert.Equal(twoStatuses, await AllIdsAsync("reviews?statuses=expired,scheduled"));

        var guest = Truth.Select(r => r["guestName"]?.GetValue<string>()).OfType<string>().First(n => n.Length > 4 && n.All(char.IsAsciiLetterOrDigit));
        var part = guest[1..4].ToUpperInvariant();
        var byGuest = IdsWhere(r => r["guestName"]?.GetValue<string>().Contains(part, StringComparison.OrdinalIgnoreCase) == true);
        Assert.NotEmpty(byGuest);
        Assert.Equal(byGuest, await AllIdsAsync($"reviews?guestName={Uri.EscapeDataString(part)}"));

        var midRange = IdsWhere(r => r["rating"]?.GetValue<int>() is >= 5 and <= 8);
        Assert.NotEmpty(midRange);
        Assert.Equal(midRange, await AllIdsAsync("reviews?ratingMin=5&ratingMax=8"));
        Assert.Equal(IdsWhere(r => r["rating"]?.GetValue<int>() >= 9), await AllIdsAsync("reviews?ratingMin=9"));
    }

    [Fact]
    public async Task Departure_date_range_is_inclusive_on_the_date_part()
    {
        var days = Truth.Select(DepartureDay).Distinct().Order(StringComparer.Ordinal).ToList();
        var (start, end) = (days[days.Count / 3], days[days.Count / 2]);
        var expected = IdsWhere(r => string.CompareOrdinal(DepartureDay(r), start) >= 0 && string.CompareOrdinal(DepartureDay(r), end) <= 0);
        Assert.Contains(Truth, r => DepartureDay(r) == start && expected.Contains(r["id"]!.GetValue<long>()));
        Assert.Contains(Truth, r => DepartureDay(r) == end && expected.Contains(r["id"]!.GetValue<long>()));
        Assert.Equal(expected, await AllIdsAsync($"reviews?departureDateStart={start}&departureDateEnd={end}"));
        Assert.Equal(IdsWhere(r => DepartureDay(r) == start), await AllIdsAsync($"reviews?departureDateStart={start}&departureDateEnd={start}"));
        Assert.Equal(IdsWhere(r => string.CompareOrdinal(DepartureDay(r), end) > 0), await AllIdsAsync($"reviews?departureDateStart={days[days.IndexOf(end) + 1]}"));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("guestName")]
    [InlineData("arrivalDate")]
    [InlineData("departureDate")]
    public async Task Each_sort_orders_both_ways_with_ties_broken_by_id(string sortBy)
    {
        var ascending = Truth.OrderBy(r => r[sortBy]?.ToString(), StringComparer.Ordinal).ThenBy(r => r["id"]!.GetValue<long>());
        if (sortBy == "id")
        {
            ascending = Truth.OrderBy(r => r["id"]!.GetValue<long>()).ThenBy(_ => 0);
        }

        var expected = ascending.Select(r => r["id"]!.GetValue<long>()).ToList();
        Assert.Equal(expected, await AllIdsAsync($"reviews?sortBy={sortBy}", keepOrder: true));
        Assert.Equal(expected, await AllIdsAsync($"reviews?sortBy={sortBy}&sortOrder=asc", keepOrder: true));
        expected.Reverse();
        Assert.Equal(expected, await AllIdsAsync($"reviews?sortBy={sortBy}&sortOrder=desc", keepOrder: true));
    }

    [Fact]
    public async Task Single_review_equals_its_list_row_and_unknown_ids_are_404_like_other_objects()
    {
        var row = Truth[Truth.Count / 2];
        var single = await _api.GetOkAsync($"reviews/{row["id"]}");
        Assert.Equal(["status", "result"], single.Select(p => p.Key));
        Assert.Equal(row.ToJsonString(), single["result"]!.ToJsonString());

        foreach (var path in new[] { "reviews/1", "reviews/abc" })
        {
            var (status, body) = await _api.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("""{"status":"fail","result":"Review not found"}""", body!.ToJsonString());
        }
    }

    [Theory]
    [InlineData("reviews?sortBy=rating")]
    [InlineData("reviews?sortOrder=down")]
    [InlineData("reviews?statuses[]=done")]
    [InlineData("reviews?type=guest")]
    [InlineData("reviews?listingMapIds=1,x")]
    [InlineData("reviews?departureDateStart=2026-11-01%2000:00:00")]
    [InlineData("reviews?ratingMax=11")]
    [InlineData("reviews?ratingMin=-1")]
    public async Task Malformed_review_parameters_are_400(string url)
    {
        var (status, body) = await _api.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("fail", body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Review_requests_count_as_data_requests()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Small);
        using var api = await ApiClient.CreateAsync(simulator);
        var id = simulator.GetGroundTruth().Reviews[0]["id"]!.GetValue<long>();
        await api.GetOkAsync("reviews?limit=3");
        await api.GetOkAsync($"reviews/{id}");
        await api.GetAsync("reviews/1");

        var stats = simulator.GetStats();
        Assert.Equal(1, stats.RequestsByEndpoint["GET /v1/reviews"]);
        Assert.Equal(2, stats.RequestsByEndpoint["GET /v1/reviews/{id}"]);
        Assert.Equal(3, stats.DataRequests());
    }

    [Fact]
    public async Task Rate_limits_and_faults_apply_to_reviews_as_to_every_other_list()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Small, settings: SimulatorSetup.Open with { AccountRequestsPer10Seconds = 2 });
        using var api = await ApiClient.CreateAsync(simulator);
        await api.GetOkAsync("reviews?limit=5");
        await api.GetOkAsync("reviews?limit=5&offset=5");
        using (var limited = await api.Http.GetAsync("reviews?limit=5&offset=10"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal("account", limited.Headers.GetValues("X-RateLimit-Applied").Single());
        }

        simulator.UpdateSettings(s => s with { AccountRequestsPer10Seconds = 0, FaultRate = 1, Faults = FaultKinds.ServerError });
        using var faulted = await api.Http.GetAsync("reviews?limit=5");
        Assert.InRange((int)faulted.StatusCode, 500, 503);
        Assert.Equal(1, simulator.GetStats().FaultsByKind["ServerError"]);
    }

    private static string DepartureDay(JsonObject review) => review["departureDate"]!.GetValue<string>()[..10];

    private List<long> IdsWhere(Func<JsonObject, bool> predicate) =>
        [.. Truth.Where(predicate).Select(r => r["id"]!.GetValue<long>()).Order()];

    private async Task<List<long>> AllIdsAsync(string path, bool keepOrder = false)
    {
        var ids = (await _api.PageAllAsync(path, 50)).Select(r => r["id"]!.GetValue<long>()).ToList();
        return keepOrder ? ids : [.. ids.Order()];
    }
}
