using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>
/// Review mutations: each kind does what it says, within the review and host-response periods, and moves no
/// timestamp. The account has 3,000 reservations (about three stays a day), so every review period holds stays.
/// </summary>
public sealed class ReviewMutationTests : IAsyncLifetime
{
    private HostawaySimulator _simulator = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorSetup.StartAsync(new DatasetOptions(30, 3_000, 2), freezeClock: true);
        _api = await ApiClient.CreateAsync(_simulator);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _simulator.DisposeAsync();
    }

    private static readonly Dictionary<string, string[]> AllowedSteps = new(StringComparer.Ordinal)
    {
        ["awaiting"] = ["submitted", "published", "expired"],
        ["pending"] = ["published", "expired"],
        ["scheduled"] = ["submitted", "published"],
        ["submitted"] = ["published"],
    };

    [Fact]
    public void The_latest_change_horizon_covers_the_longest_review_period_and_the_answer_period_within_60_days()
    {
        Assert.Equal(TimeSpan.FromDays(ReviewPeriods.BookingComDays + ReviewPeriods.HostResponseDays), ReviewPeriods.LatestChangeAfterDeparture);
        Assert.True(ReviewPeriods.LatestChangeAfterDeparture <= TimeSpan.FromDays(60));
        Assert.All(new[] { 2000, 2001, 2002, 2005, 2018, 2022 }, channel => Assert.True(
            ReviewPeriods.For(channel) + TimeSpan.FromDays(ReviewPeriods.HostResponseDays) <= ReviewPeriods.LatestChangeAfterDeparture));
    }

    [Fact]
    public async Task New_reviews_appear_for_stays_that_ended_within_their_period_and_move_no_reservation()
    {
        _simulator.AdvanceClock(TimeSpan.FromDays(10));
        var before = _simulator.GetGroundTruth();
        var report = _simulator.Mutate(new MutationRequest { NewReviews = 6, Seed = 30 });
        var after = _simulator.GetGroundTruth();

        Assert.Equal(6, report.NewReviewIds.Count);
        var maxBefore = before.Reviews.Max(r => r["id"]!.GetValue<long>());
        var reviewsAfter = MutationTests.ById(after.Reviews);
        foreach (var id in report.NewReviewIds)
        {
            Assert.True(id > maxBefore);
            var review = reviewsAfter[id];
            var departure = Departure(review);
            Assert.InRange(_simulator.UtcNow, departure, departure + ReviewPeriods.For(review["channelId"]!.GetValue<int>()));
            Assert.DoesNotContain(before.Reviews, r => r["reservationId"]!.GetValue<long>() == review["reservationId"]!.GetValue<long>()
                && r["type"]!.GetValue<string>() == review["type"]!.GetValue<string>());
            Assert.Equal(review.ToJsonString(), (await _api.GetOkAsync($"reviews/{id}"))["result"]!.ToJsonString());
        }

        AssertUnchangedExcept(before, after, report.NewReviewIds);
        MutationTests.AssertOnlyReported(report, nameof(MutationReport.NewReviewIds));
    }

    [Fact]
    public void Advanced_reviews_take_one_lifecycle_step_within_their_period_after_the_clock_moves()
    {
        _simulator.AdvanceClock(TimeSpan.FromDays(20));
        var before = _simulator.GetGroundTruth();
        var report = _simulator.Mutate(new MutationRequest { AdvancedReviews = 40, Seed = 31 });
        var after = _simulator.GetGroundTruth();

        Assert.NotEmpty(report.AdvancedReviewIds);
        var (old, now) = (MutationTests.ById(before.Reviews), MutationTests.ById(after.Reviews));
        var seen = new HashSet<string>();
        foreach (var id in report.AdvancedReviewIds)
        {
            var (from, to) = (old[id]["status"]!.GetValue<string>(), now[id]["status"]!.GetValue<string>());
            seen.Add(to);
            Assert.Contains(to, AllowedSteps[from]);
            var periodEnd = Departure(now[id]) + ReviewPeriods.For(now[id]["channelId"]!.GetValue<int>());
            Assert.True(_simulator.UtcNow >= Departure(now[id]), $"review {id} advanced before check-out");
            Assert.True(_simulator.UtcNow < periodEnd + TimeSpan.FromDays(ReviewPeriods.HostResponseDays), $"review {id} changed after its horizon");
            Assert.Equal(to == "expired", _simulator.UtcNow >= periodEnd && from is "awaiting" or "pending");
            Assert.Equal(to is "submitted" or "published", now[id]["rating"] is not null);
            if (to is "submitted" or "published" && now[id]["type"]!.GetValue<string>() == "guest-to-host")
            {
                Assert.NotEmpty(now[id]["reviewCategory"]!.AsArray());
            }
        }

        Assert.Contains("published", seen);
        AssertUnchangedExcept(before, after, report.AdvancedReviewIds);
        MutationTests.AssertOnlyReported(report, nameof(MutationReport.AdvancedReviewIds));
    }

    [Fact]
    public void Host_responses_answer_published_guest_reviews_within_thirty_days_and_change_nothing_else()
    {
        _simulator.AdvanceClock(TimeSpan.FromDays(15));
        _simulator.Mutate(new MutationRequest { NewReviews = 30, AdvancedReviews = 60, Seed = 32 });
        var before = _simulator.GetGroundTruth();
        var report = _simulator.Mutate(new MutationRequest { HostResponses = 4, Seed = 33 });
        var after = _simulator.GetGroundTruth();

        Assert.NotEmpty(report.RespondedReviewIds);
        var (old, now) = (MutationTests.ById(before.Reviews), MutationTests.ById(after.Reviews));
        foreach (var id in report.RespondedReviewIds)
        {
            Assert.Null(old[id]["revieweeResponse"]);
            Assert.False(string.IsNullOrEmpty(now[id]["revieweeResponse"]!.GetValue<string>()));
            Assert.Equal("guest-to-host", now[id]["type"]!.GetValue<string>());
            Assert.Equal("published", now[id]["status"]!.GetValue<string>());
            var withoutAnswer = now[id].DeepClone().AsObject();
            withoutAnswer["revieweeResponse"] = null;
            Assert.True(JsonNode.DeepEquals(old[id], withoutAnswer), $"review {id} changed beyond its answer");
        }

        AssertUnchangedExcept(before, after, report.RespondedReviewIds);
        MutationTests.AssertOnlyReported(report, nameof(MutationReport.RespondedReviewIds));
    }

    [Fact]
    public async Task Deleted_reviews_vanish_from_every_endpoint_and_their_reservations_stay()
    {
        var before = _simulator.GetGroundTruth();
        var report = _simulator.Mutate(new MutationRequest { DeletedReviews = 3, Seed = 34 });
        var after = _simulator.GetGroundTruth();

        Assert.Equal(3, report.DeletedReviewIds.Count);
        Assert.Equal(report.DeletedReviewIds, after.DeletedReviewIds);
        var listed = (await _api.PageAllAsync("reviews", 100)).Select(r => r["id"]!.GetValue<long>()).ToHashSet();
        var old = MutationTests.ById(before.Reviews);
        foreach (var id in report.DeletedReviewIds)
        {
            Assert.DoesNotContain(id, listed);
            Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"reviews/{id}")).Status);
            Assert.Empty((await _api.GetOkAsync($"reviews?reservationId={old[id]["reservationId"]}&type={old[id]["type"]}"))["result"]!.AsArray());
            Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"reservations/{old[id]["reservationId"]}")).Status);
            Assert.True(_simulator.UtcNow < Departure(old[id]) + ReviewPeriods.LatestChangeAfterDeparture);
        }

        Assert.Equal(before.Reviews.Count - 3, listed.Count);
        AssertUnchangedExcept(before, after, report.DeletedReviewIds);
        MutationTests.AssertOnlyReported(report, nameof(MutationReport.DeletedReviewIds));
    }

    [Fact]
    public void Nothing_changes_past_the_horizon_except_through_old_review_changes()
    {
        _simulator.AdvanceClock(TimeSpan.FromDays(12));
        var before = _simulator.GetGroundTruth();
        var everything = new MutationRequest { NewReviews = 1000, AdvancedReviews = 1000, HostResponses = 1000, DeletedReviews = 20, Seed = 35 };
        var report = _simulator.Mutate(everything);
        var middle = _simulator.GetGroundTruth();
        var horizon = _simulator.UtcNow - ReviewPeriods.LatestChangeAfterDeparture;
        var old = before.Reviews.Where(r => Departure(r) < horizon).ToList();
        Assert.NotEmpty(old);
        Assert.NotEmpty(report.AdvancedReviewIds);
        var middleById = MutationTests.ById(middle.Reviews);
        Assert.All(old, r => Assert.True(JsonNode.DeepEquals(r, middleById[r["id"]!.GetValue<long>()]), $"old review {r["id"]} changed"));
        Assert.True(JsonNode.DeepEquals(new JsonArray([.. before.Reservations.Select(r => r.DeepClone())]), new JsonArray([.. middle.Reservations.Select(r => r.DeepClone())])));

        // Asked for more than there are, it changes every published review older than the horizon and no other.
        var late = _simulator.Mutate(new MutationRequest { OldReviewChanges = int.MaxValue, Seed = 36 });
        var after = _simulator.GetGroundTruth();
        var oldPublished = middle.Reviews.Where(r => Departure(r) < horizon && r["status"]!.GetValue<string>() == "published").Select(r => r["id"]!.GetValue<long>());
        Assert.Equal(oldPublished.Order(), late.OldChangedReviewIds.Order());
        var afterById = MutationTests.ById(after.Reviews);
        foreach (var id in late.OldChangedReviewIds)
        {
            Assert.True(Departure(afterById[id]) < horizon);
            Assert.False(JsonNode.DeepEquals(middleById[id], afterById[id]), $"review {id} was reported but did not change");
            Assert.Equal("published", afterById[id]["status"]!.GetValue<string>());
        }

        AssertUnchangedExcept(middle, after, late.OldChangedReviewIds);
        MutationTests.AssertOnlyReported(late, nameof(MutationReport.OldChangedReviewIds));
    }

    [Fact]
    public void Cancelling_a_reservation_flags_its_open_reviews_is_cancelled()
    {
        var before = _simulator.GetGroundTruth();
        var report = _simulator.Mutate(new MutationRequest { CancelledReservations = 150, Seed = 37 });
        var after = MutationTests.ById(_simulator.GetGroundTruth().Reviews);

        Assert.NotEmpty(report.CancelledReviewIds);
        var cancelled = report.CancelledReservationIds.ToHashSet();
        foreach (var review in before.Reviews)
        {
            var id = review["id"]!.GetValue<long>();
            var open = _simulator.UtcNow < Departure(review) + ReviewPeriods.For(review["channelId"]!.GetValue<int>()) + TimeSpan.FromDays(ReviewPeriods.HostResponseDays);
            var flag = cancelled.Contains(review["reservationId"]!.GetValue<long>()) && open && review["isCancelled"]!.GetValue<int>() == 0;
            Assert.Equal(flag, report.CancelledReviewIds.Contains(id));
            Assert.Equal(flag || review["isCancelled"]!.GetValue<int>() == 1 ? 1 : 0, after[id]["isCancelled"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Review_kinds_are_reproducible_and_negative_counts_are_refused()
    {
        await using var twin = await SimulatorSetup.StartAsync(new DatasetOptions(30, 3_000, 2), freezeClock: true);
        twin.AdvanceClock(TimeSpan.FromDays(9));
        _simulator.AdvanceClock(TimeSpan.FromDays(9));
        var request = new MutationRequest { NewReviews = 5, AdvancedReviews = 9, HostResponses = 2, DeletedReviews = 2, OldReviewChanges = 2, Seed = 38 };
        var mine = _simulator.Mutate(request);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(mine), System.Text.Json.JsonSerializer.Serialize(twin.Mutate(request)));
        Assert.Equal(MutationTests.Serialize(_simulator.GetGroundTruth()), MutationTests.Serialize(twin.GetGroundTruth()));
        Assert.Equal(5, mine.NewReviewIds.Count);

        Assert.Throws<ArgumentOutOfRangeException>(() => _simulator.Mutate(new MutationRequest { OldReviewChanges = -1 }));
        using var control = new HttpClient { BaseAddress = _simulator.ControlUrl };
        using var response = await control.PostAsJsonAsync("mutate", new { deletedReviews = 1, seed = 39 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["deletedReviewIds"]!.AsArray());
    }

    private static DateTime Departure(JsonObject review) =>
        DateTime.SpecifyKind(DateTime.ParseExact(review["departureDate"]!.GetValue<string>(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    /// <summary>Reviews other than <paramref name="changed"/>, and every listing, reservation and conversation, are exactly as before.</summary>
    private static void AssertUnchangedExcept(GroundTruth before, GroundTruth after, IReadOnlyList<long> changed)
    {
        var afterReviews = MutationTests.ById(after.Reviews);
        foreach (var review in before.Reviews.Where(r => !changed.Contains(r["id"]!.GetValue<long>())))
        {
            Assert.True(JsonNode.DeepEquals(review, afterReviews[review["id"]!.GetValue<long>()]), $"review {review["id"]} changed without being reported");
        }

        Assert.Equal(MutationTests.Serialize(before with { Reviews = [], DeletedReviewIds = [] }), MutationTests.Serialize(after with { Reviews = [], DeletedReviewIds = [] }));
    }
}
