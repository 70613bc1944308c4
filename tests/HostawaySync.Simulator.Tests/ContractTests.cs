using System.Net;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>Every served object has exactly the official sample's keys (plus the allow-listed extras) and value kinds.</summary>
public sealed class ContractTests(SmallSimulatorFixture fixture) : IClassFixture<SmallSimulatorFixture>
{
    private readonly ApiClient _api = fixture.Client;

    [SamplesFact]
    public async Task Listings_and_their_resources_match_the_samples()
    {
        var listings = await _api.PageAllAsync("listings?includeResources=1", 100);
        var (listing, image, amenity, bed, field) = (Contracts.Listing(), Contracts.ListingImage(), Contracts.Amenity(), Contracts.BedType(), Contracts.CustomFieldValue());
        var errors = new List<string>();
        foreach (var l in listings)
        {
            var where = $"#{l["id"]}";
            listing.Check(l, where, errors);
            CheckAll(image, l["listingImages"], where, errors);
            CheckAll(amenity, l["listingAmenities"], where, errors);
            CheckAll(bed, l["listingBedTypes"], where, errors);
            CheckAll(field, l["customFieldValues"], where, errors);
        }

        Contracts.AssertNoErrors(errors);
        Assert.Contains(listings, l => l["listingImages"]!.AsArray().Count > 0);
        Assert.Contains(listings, l => l["customFieldValues"]!.AsArray().Count > 0);
    }

    [SamplesFact]
    public async Task Reservations_and_their_nested_objects_match_the_samples()
    {
        var reservations = await _api.PageAllAsync("reservations?includeResources=1&includeCancellationPolicy=1", 100);
        var contract = Contracts.Reservation();
        var errors = new List<string>();
        foreach (var r in reservations)
        {
            var where = $"#{r["id"]}";
            contract.Check(r, where, errors);
            CheckAll(Contracts.ReservationFee(), r["reservationFees"], where, errors);
            CheckAll(Contracts.ReservationUnit(), r["reservationUnit"], where, errors);
            CheckAll(Contracts.FinanceField(), r["financeField"], where, errors);
            CheckAll(Contracts.CustomFieldValue(), r["customFieldValues"], where, errors);
            if (r["cancellationPolicyDetails"] is JsonObject details)
            {
                Contracts.CancellationPolicyDetails().Check(details, where, errors);
                CheckAll(Contracts.CancellationPolicyItem(), details["cancellationPolicyItem"], where, errors);
            }

            if (r["bookingcomSpecialRequests"] is JsonObject requests)
            {
                Contracts.BookingcomSpecialRequests().Check(requests, where, errors);
            }
        }

        Contracts.AssertNoErrors(errors);
        Assert.Contains(reservations, r => r["reservationFees"]!.AsArray().Count > 0);
        Assert.Contains(reservations, r => r["reservationUnit"]!.AsArray().Count > 0);
        Assert.Contains(reservations, r => r["bookingcomSpecialRequests"] is JsonObject);
        Assert.All(reservations, r => Assert.IsType<JsonObject>(r["cancellationPolicyDetails"]));
    }

    [SamplesFact]
    public async Task Single_reservation_matches_the_sample_and_always_has_policy_and_proxy_email()
    {
        var id = (await _api.GetOkAsync("reservations?limit=1"))["result"]![0]!["id"]!.GetValue<long>();
        var single = (await _api.GetOkAsync($"reservations/{id}"))["result"]!.AsObject();
        var errors = new List<string>();
        Contracts.Reservation().Check(single, $"#{id}", errors);
        Contracts.AssertNoErrors(errors);
        Assert.IsType<JsonObject>(single["cancellationPolicyDetails"]);
        Assert.EndsWith("@host.hostaway.info", single["hostProxyEmail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SamplesFact]
    public async Task Conversations_embedded_reservation_and_latest_message_match_the_samples()
    {
        var conversations = await _api.PageAllAsync("conversations?includeResources=1", 100);
        var sample = Samples.Load("conversation-single.json");
        var embeddedMessageKeys = sample["conversationMessages"]![0]!.AsObject().Select(p => p.Key).ToList();
        var errors = new List<string>();
        foreach (var c in conversations)
        {
            var where = $"#{c["id"]}";
            Contracts.Conversation().Check(c, where, errors);
            Contracts.EmbeddedReservation().Check(c["Reservation"]!.AsObject(), where, errors);
            var latest = c["conversationMessages"]!.AsArray();
            Assert.True(latest.Count <= 1, "conversationMessages holds only the latest message");
            foreach (var message in latest)
            {
                Contracts.Message().Check(message!.AsObject(), where, errors);
                errors.AddRange(embeddedMessageKeys.Where(k => !message.AsObject().ContainsKey(k)).Select(k => $"latest message {where}: missing '{k}'"));
            }
        }

        Contracts.AssertNoErrors(errors);
    }

    [SamplesFact]
    public async Task Messages_and_attachments_match_the_sample()
    {
        var truth = fixture.Simulator.GetGroundTruth();
        var errors = new List<string>();
        var attachments = 0;
        foreach (var conversation in truth.Conversations.Take(60))
        {
            var id = conversation["id"]!.GetValue<long>();
            foreach (var message in await _api.PageAllAsync($"conversations/{id}/messages?includeScheduledMessages=1", 100))
            {
                Contracts.Message().Check(message, $"#{message["id"]}", errors);
                if (message["attachments"] is JsonArray items)
                {
                    attachments += items.Count;
                    CheckAll(Contracts.Attachment(), items, $"#{message["id"]}", errors);
                }
            }
        }

        Contracts.AssertNoErrors(errors);
        Assert.True(attachments > 0, "some messages carry attachments");
    }

    [SamplesFact]
    public async Task Token_revoke_rate_limit_and_envelopes_match_the_samples()
    {
        var tokenSample = Samples.Load("access-token.json");
        using var tokenResponse = await _api.PostTokenRequestAsync(ApiClient.ValidForm(fixture.Simulator));
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!.AsObject();
        AssertSameShape(tokenSample, token);

        using var revoke = await _api.Http.DeleteAsync($"accessTokens?token={Uri.EscapeDataString(token["access_token"]!.GetValue<string>())}");
        AssertSameShape(Samples.Load("access-token-revoke.json"), JsonNode.Parse(await revoke.Content.ReadAsStringAsync())!.AsObject());

        var envelope = Samples.Load("standard-response-envelope.json");
        var conversations = await _api.GetOkAsync("conversations");
        Assert.Equal(envelope.Select(p => p.Key).Order(), conversations.Select(p => p.Key).Order());
        Assert.Null(conversations["limit"]);
        Assert.Null(conversations["offset"]);
        var plainKeys = envelope.Select(p => p.Key).Except(["page", "totalPages"]).Order().ToList();
        Assert.Equal(plainKeys, (await _api.GetOkAsync("listings")).Select(p => p.Key).Order());
        Assert.Equal(plainKeys, (await _api.GetOkAsync("reservations")).Select(p => p.Key).Order());

        await using var limited = await SimulatorSetup.StartAsync(DatasetOptions.Tiny, settings: SimulatorSetup.Open with { IpRequestsPer10Seconds = 1 });
        using var http = new HttpClient { BaseAddress = limited.BaseUrl };
        (await http.GetAsync("listings")).Dispose();
        using var rejected = await http.GetAsync("listings");
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        AssertSameShape(Samples.Load("error-rate-limit-429.json"), JsonNode.Parse(await rejected.Content.ReadAsStringAsync())!.AsObject());
    }

    private static void CheckAll(ObjectContract contract, JsonNode? array, string where, List<string> errors)
    {
        foreach (var item in array!.AsArray())
        {
            contract.Check(item!.AsObject(), where, errors);
        }
    }

    private static void AssertSameShape(JsonObject sample, JsonObject actual)
    {
        Assert.Equal(sample.Select(p => p.Key).Order(), actual.Select(p => p.Key).Order());
        foreach (var (key, value) in sample)
        {
            Assert.Equal(ObjectContract.Kind(value), ObjectContract.Kind(actual[key]));
        }
    }
}
