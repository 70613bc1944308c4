using System.Text.Json;
using HostawaySync.Engine.Api.Models;

namespace HostawaySync.Engine.Tests.Api;

/// <summary>Every official sample object parses with its documented fields populated.</summary>
public sealed class SampleParsingTests
{
    private static JsonElement Load(string name) => JsonDocument.Parse(File.ReadAllText(SamplesFolder.File(name))).RootElement;

    [SamplesFact]
    public void Listing_sample()
    {
        var json = Load("listing-single.json");

        var listing = HostawayListing.FromJson(json);

        Assert.Equal(json.GetProperty("id").GetInt64(), listing.Id);
        Assert.Equal(json.GetProperty("name").GetString(), listing.Name);
        Assert.Equal(json.GetProperty("city").GetString(), listing.City);
        Assert.Equal(json.GetProperty("countryCode").GetString(), listing.CountryCode);
        Assert.Equal(json.GetProperty("personCapacity").GetInt32(), listing.PersonCapacity);
        Assert.Equal(json.GetProperty("bedroomsNumber").GetInt32(), listing.Bedrooms);
        Assert.Equal(json.GetProperty("timeZoneName").GetString(), listing.TimeZone);
        Assert.Equal(json.GetProperty("lat").GetDouble(), listing.Latitude);
        Assert.NotNull(listing.Price);
        Assert.Equal(json.GetProperty("listingImages").GetArrayLength(), listing.Images.Count);
        Assert.NotEmpty(listing.Images);
        Assert.All(listing.Images, image =>
        {
            Assert.StartsWith("http", image.Url, StringComparison.Ordinal);
            Assert.Equal(listing.Id, image.ListingId);
        });
        Assert.Equal(json.GetRawText(), listing.RawJson);
    }

    [SamplesFact]
    public void Review_samples()
    {
        var single = Load("review-single.json");
        var listed = Load("reviews-list.json").GetProperty("result")[0];

        foreach (var json in new[] { single, listed })
        {
            var review = HostawayReview.FromJson(json);

            Assert.Equal(json.GetProperty("id").GetInt64(), review.Id);
            Assert.Equal(json.GetProperty("listingMapId").GetInt64(), review.ListingId);
            Assert.Equal(json.GetProperty("reservationId").GetInt64(), review.ReservationId);
            Assert.Equal(json.GetProperty("channelId").GetInt64(), review.ChannelId);
            Assert.Equal(json.GetProperty("type").GetString(), review.Type);
            Assert.Equal(json.GetProperty("status").GetString(), review.Status);
            Assert.Null(review.Rating);
            Assert.False(review.IsCancelled);
            Assert.Empty(review.Categories);
            Assert.Equal(new DateTime(2021, 5, 11, 22, 0, 0, DateTimeKind.Utc), review.DepartureAt);
            Assert.Equal(new DateTime(2021, 5, 6, 8, 0, 0, DateTimeKind.Utc), review.ArrivalAt);
            Assert.Equal(json.GetProperty("guestName").GetString(), review.GuestName);
            Assert.Equal(json.GetProperty("listingName").GetString(), review.ListingName);
            Assert.Equal(json.GetRawText(), review.RawJson);
        }
    }

    [Fact]
    public void Review_category_ratings_are_read_in_every_plausible_shape()
    {
        using var document = JsonDocument.Parse("""
            {"id": "12", "raiting": "9", "reviewCategory": [
                {"category": "cleanliness", "rating": 10},
                {"name": "communication", "value": "8"},
                {"type": "location", "raiting": 9.5},
                {"category": "cleanliness", "rating": 2},
                {"rating": 7},
                "accuracy"
            ]}
            """);

        var review = HostawayReview.FromJson(document.RootElement);

        Assert.Equal(12, review.Id);
        Assert.Equal(9m, review.Rating);
        Assert.Equal(
            [new HostawayReviewCategory("cleanliness", 10m), new HostawayReviewCategory("communication", 8m), new HostawayReviewCategory("location", 9.5m)],
            review.Categories);
    }

    [SamplesFact]
    public void Listing_image_sample()
    {
        var json = Load("listing-image.json");

        var image = HostawayListingImage.FromJson(json, 7);

        Assert.Equal(json.GetProperty("id").GetInt64(), image.Id);
        Assert.Equal(json.GetProperty("url").GetString(), image.Url);
        Assert.Equal(json.GetProperty("sortOrder").GetInt32(), image.SortOrder);
        Assert.Equal(json.GetProperty("caption").GetString(), image.Caption);
    }

    [SamplesFact]
    public void Reservation_sample()
    {
        var json = Load("reservation-single.json");

        var reservation = HostawayReservation.FromJson(json);

        Assert.Equal(json.GetProperty("id").GetInt64(), reservation.Id);
        Assert.Equal(json.GetProperty("listingMapId").GetInt64(), reservation.ListingId);
        Assert.Equal(json.GetProperty("channelId").GetInt32(), reservation.ChannelId);
        Assert.Equal(json.GetProperty("status").GetString(), reservation.Status);
        Assert.Equal(json.GetProperty("reservationId").GetString(), reservation.ChannelReservationId);
        Assert.Equal(DateOnly.Parse(json.GetProperty("arrivalDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture), reservation.ArrivalDate);
        Assert.NotNull(reservation.DepartureDate);
        Assert.Equal(json.GetProperty("nights").GetInt32(), reservation.Nights);
        Assert.Equal(json.GetProperty("totalPrice").GetDecimal(), reservation.TotalPrice);
        Assert.Equal(json.GetProperty("currency").GetString(), reservation.Currency);
        Assert.Equal(json.GetProperty("guestName").GetString(), reservation.GuestName);
        Assert.Equal(json.GetProperty("guestEmail").GetString(), reservation.GuestEmail);
        Assert.NotNull(reservation.ReservationDate);
        Assert.Equal(DateTimeKind.Utc, reservation.ReservationDate!.Value.Kind);
    }

    [SamplesFact]
    public void Conversation_sample()
    {
        var json = Load("conversation-single.json");

        var conversation = HostawayConversation.FromJson(json);

        Assert.Equal(json.GetProperty("id").GetInt64(), conversation.Id);
        Assert.Equal(json.GetProperty("reservationId").GetInt64(), conversation.ReservationId);
        Assert.Equal(json.GetProperty("listingMapId").GetInt64(), conversation.ListingId);
        Assert.Equal(json.GetProperty("type").GetString(), conversation.Type);
        Assert.Equal(json.GetProperty("recipientName").GetString(), conversation.RecipientName);
        Assert.False(conversation.HasUnreadMessages);
        Assert.NotNull(conversation.MessageSentOn);
        Assert.Null(conversation.MessageReceivedOn);
    }

    [SamplesFact]
    public void Message_sample()
    {
        var json = Load("conversation-message.json");

        var message = HostawayMessage.FromJson(json, 999);

        Assert.Equal(json.GetProperty("id").GetInt64(), message.Id);
        Assert.Equal(json.GetProperty("conversationId").GetInt64(), message.ConversationId);
        Assert.Equal(json.GetProperty("reservationId").GetInt64(), message.ReservationId);
        Assert.Equal(json.GetProperty("body").GetString(), message.Body);
        Assert.Equal(json.GetProperty("status").GetString(), message.Status);
        Assert.Equal(json.GetProperty("communicationType").GetString(), message.CommunicationType);
        Assert.False(message.IsIncoming);
        Assert.NotNull(message.Date);
        Assert.NotNull(message.SentToChannelDate);
    }

    [SamplesFact]
    public void Embedded_reservation_of_the_conversation_sample_parses_although_its_ids_are_strings()
    {
        var embedded = Load("conversation-single.json").GetProperty("Reservation");

        var reservation = HostawayReservation.FromJson(embedded);

        Assert.Equal(JsonValueKind.String, embedded.GetProperty("hostawayReservationId").ValueKind);
        Assert.Equal(long.Parse(embedded.GetProperty("hostawayReservationId").GetString()!, System.Globalization.CultureInfo.InvariantCulture), reservation.Id);
        Assert.Equal(embedded.GetProperty("listingMapId").GetInt64(), reservation.ListingId);
    }
}
