using System.Globalization;
using System.Text.Json;
using HostawaySync.Engine.Api.Models;

namespace HostawaySync.Engine.Tests.Api;

/// <summary>
/// Hostaway's loosely typed JSON, object by object: no single odd value may fail a row, and the one row that cannot be
/// read (no usable id) fails with a <see cref="JsonException"/> that says why.
/// </summary>
public sealed class OddValueTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_listing_reads_numbers_and_ids_sent_as_strings()
    {
        var listing = HostawayListing.FromJson(Parse("""
            {"id":"17","propertyTypeId":"3","personCapacity":"4","bedroomsNumber":"2","bathroomsNumber":"1.5",
             "price":"12.50","lat":"51.5","lng":"-0.125","zipcode":10115}
            """));

        Assert.Equal(17, listing.Id);
        Assert.Equal(3, listing.PropertyTypeId);
        Assert.Equal(4, listing.PersonCapacity);
        Assert.Equal(2, listing.Bedrooms);
        Assert.Equal(1.5, listing.Bathrooms);
        Assert.Equal(12.50m, listing.Price);
        Assert.Equal(51.5, listing.Latitude);
        Assert.Equal(-0.125, listing.Longitude);
        Assert.Equal("10115", listing.Zipcode);
    }

    [Theory]
    [InlineData("267", "267")]
    [InlineData("886.54", "886.54")]
    [InlineData("\"12.50\"", "12.50")]
    [InlineData("\" 99 \"", "99")]
    [InlineData("1.5e2", "150")]
    [InlineData("\"\"", null)]
    [InlineData("\"n/a\"", null)]
    [InlineData("true", null)]
    [InlineData("[]", null)]
    public void Money_is_read_from_ints_floats_and_strings(string price, string? expected)
    {
        var reservation = HostawayReservation.FromJson(Parse($$"""{"id":1,"totalPrice":{{price}}}"""));

        Assert.Equal(expected is null ? null : decimal.Parse(expected, CultureInfo.InvariantCulture), reservation.TotalPrice);
    }

    [Fact]
    public void A_reservation_reads_ids_and_counts_sent_as_strings_and_keeps_the_channel_id_as_text()
    {
        var reservation = HostawayReservation.FromJson(Parse("""
            {"id":"4711","listingMapId":"17","channelId":"2018","reservationId":123456789,"nights":"3","adults":"2.0","children":""}
            """));

        Assert.Equal(4711, reservation.Id);
        Assert.Equal(17, reservation.ListingId);
        Assert.Equal(2018, reservation.ChannelId);
        Assert.Equal("123456789", reservation.ChannelReservationId);
        Assert.Equal(3, reservation.Nights);
        Assert.Equal(2, reservation.Adults);
        Assert.Null(reservation.Children);
    }

    [Fact]
    public void A_boolean_where_a_reference_id_belongs_is_no_id()
    {
        var reservation = HostawayReservation.FromJson(Parse("""{"id":1,"listingMapId":true,"channelId":false,"nights":true}"""));
        var message = HostawayMessage.FromJson(Parse("""{"id":3,"conversationId":true,"reservationId":false}"""), 900);

        Assert.Equal((null, null, null), (reservation.ListingId, reservation.ChannelId, reservation.Nights));
        Assert.Equal(900, message.ConversationId);
        Assert.Null(message.ReservationId);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("null", null)]
    [InlineData("\"perhaps\"", null)]
    public void Booleans_arrive_as_0_1_strings_or_json_booleans(string flag, bool? expected)
    {
        var reservation = HostawayReservation.FromJson(Parse($$"""{"id":1,"isPaid":{{flag}}}"""));
        var conversation = HostawayConversation.FromJson(Parse($$"""{"id":2,"hasUnreadMessages":{{flag}}}"""));
        var message = HostawayMessage.FromJson(Parse($$"""{"id":3,"isIncoming":{{flag}}}"""), 2);

        Assert.Equal(expected, reservation.IsPaid);
        Assert.Equal(expected, conversation.HasUnreadMessages);
        Assert.Equal(expected ?? false, message.IsIncoming);
    }

    [Fact]
    public void Conversation_and_message_ids_may_be_strings()
    {
        var conversation = HostawayConversation.FromJson(Parse("""{"id":"900","reservationId":"4711","listingMapId":"17"}"""));
        var message = HostawayMessage.FromJson(Parse("""{"id":"31","conversationId":"900","reservationId":"4711","listingMapId":17}"""), 1);
        var image = HostawayListingImage.FromJson(Parse("""{"id":"5","url":"https://img/5.jpg","sortOrder":"2"}"""), 17);

        Assert.Equal((900L, 4711L, 17L), (conversation.Id, conversation.ReservationId!.Value, conversation.ListingId!.Value));
        Assert.Equal((31L, 900L, 4711L, 17L), (message.Id, message.ConversationId, message.ReservationId!.Value, message.ListingId!.Value));
        Assert.Equal((5L, 2), (image.Id, image.SortOrder!.Value));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"id\":1,\"url\":\"https://img/1.jpg\"}")]
    [InlineData("\"\"")]
    [InlineData("\"none\"")]
    [InlineData("0")]
    public void A_listing_whose_images_are_not_an_array_has_no_images(string images)
    {
        var json = $$"""{"id":17,"listingImages":{{images}},"customFieldValues":{{images}},"listingAmenities":{{images}}}""";

        var listing = HostawayListing.FromJson(Parse(json));

        Assert.Empty(listing.Images);
        Assert.Equal(json, listing.RawJson);
    }

    [Fact]
    public void An_unreadable_image_is_left_out_and_the_listing_and_its_other_images_are_kept()
    {
        var json = """{"id":17,"listingImages":[null,{"id":1,"url":"https://img/1.jpg"},"https://img/x.jpg",{"url":"https://img/no-id.jpg"},{"id":"two","url":"u"},7,{"id":3}]}""";

        var listing = HostawayListing.FromJson(Parse(json));

        Assert.Equal([1L, 3L], listing.Images.Select(i => i.Id));
        Assert.Equal(["https://img/1.jpg", string.Empty], listing.Images.Select(i => i.Url));
        Assert.All(listing.Images, i => Assert.Equal(17, i.ListingId));
        Assert.Equal(json, listing.RawJson);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("\"\"")]
    [InlineData("\"a,b\"")]
    [InlineData("42")]
    public void Reservations_conversations_and_messages_accept_anything_where_an_array_is_expected(string value)
    {
        var reservationJson = $$"""{"id":1,"reservationFees":{{value}},"customFieldValues":{{value}},"reservationUnit":{{value}},"financeField":{{value}}}""";
        var conversationJson = $$"""{"id":2,"conversationMessages":{{value}},"Reservation":{{value}}}""";
        var messageJson = $$"""{"id":3,"attachments":{{value}}}""";

        Assert.Equal(reservationJson, HostawayReservation.FromJson(Parse(reservationJson)).RawJson);
        Assert.Equal(conversationJson, HostawayConversation.FromJson(Parse(conversationJson)).RawJson);
        Assert.Equal(messageJson, HostawayMessage.FromJson(Parse(messageJson), 2).RawJson);
    }

    [Theory]
    [InlineData("2026-03-31 23:59:58", "2026-03-31T23:59:58.0000000Z")]
    [InlineData("2026-03-31T23:59:58", "2026-03-31T23:59:58.0000000Z")]
    [InlineData("2026-03-31T23:59:58Z", "2026-03-31T23:59:58.0000000Z")]
    [InlineData("2026-03-31 23:59:58Z", "2026-03-31T23:59:58.0000000Z")]
    [InlineData("2026-03-31T23:59:58+02:00", "2026-03-31T21:59:58.0000000Z")]
    [InlineData("2026-03-31T23:59:58-05:30", "2026-04-01T05:29:58.0000000Z")]
    [InlineData("2026-03-31 23:59:58+0200", "2026-03-31T21:59:58.0000000Z")]
    [InlineData("2026-03-31T23:59:58.25", "2026-03-31T23:59:58.2500000Z")]
    [InlineData("2026-03-31 23:59:58.123456", "2026-03-31T23:59:58.1234560Z")]
    [InlineData("2026-03-31T23:59:58.123Z", "2026-03-31T23:59:58.1230000Z")]
    [InlineData("2026-03-31T23:59:58.123456789Z", "2026-03-31T23:59:58.1234568Z")]
    [InlineData("2026-03-31T23:59:58.5+02:00", "2026-03-31T21:59:58.5000000Z")]
    [InlineData("2026-03-31", "2026-03-31T00:00:00.0000000Z")]
    [InlineData(" 2026-03-31 23:59:58 ", "2026-03-31T23:59:58.0000000Z")]
    public void Timestamps_in_every_shape_become_utc(string text, string expected)
    {
        var reservation = HostawayReservation.FromJson(Parse($$"""{"id":1,"updatedOn":"{{text}}"}"""));

        Assert.Equal(DateTime.Parse(expected, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reservation.UpdatedOn);
        Assert.Equal(DateTimeKind.Utc, reservation.UpdatedOn!.Value.Kind);
    }

    [Theory]
    [InlineData("\"not a date\"")]
    [InlineData("\"0000-00-00 00:00:00\"")]
    [InlineData("\"2026-02-30 10:00:00\"")]
    [InlineData("\"2026-13-01\"")]
    [InlineData("\"\"")]
    [InlineData("1711929600")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[]")]
    public void An_unreadable_timestamp_is_null_and_the_raw_json_keeps_it(string value)
    {
        var json = $$"""{"id":1,"updatedOn":{{value}},"arrivalDate":{{value}}}""";

        var reservation = HostawayReservation.FromJson(Parse(json));

        Assert.Null(reservation.UpdatedOn);
        Assert.Null(reservation.ArrivalDate);
        Assert.Equal(json, reservation.RawJson);
    }

    [Fact]
    public void Message_timestamps_with_offsets_are_converted_to_utc()
    {
        var message = HostawayMessage.FromJson(Parse("""{"id":3,"date":"2026-05-01T10:00:00+02:00","sentToChannelDate":"2026-05-01T08:00:01Z","insertedOn":"2026-05-01 08:00:00","updatedOn":"garbage"}"""), 2);

        Assert.Equal(new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc), message.Date);
        Assert.Equal(new DateTime(2026, 5, 1, 8, 0, 1, DateTimeKind.Utc), message.SentToChannelDate);
        Assert.Equal(new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc), message.InsertedOn);
        Assert.Null(message.UpdatedOn);
    }

    [Fact]
    public void Unknown_channels_statuses_and_fields_are_stored_as_they_are()
    {
        var json = """{"id":1, "channelId":9999,"channelName":"spaceBnb","status":"awaitingMoonPhase","brandNewField":{"nested":[1,"two",null]},"cancelledBy":"robot"}""";

        var reservation = HostawayReservation.FromJson(Parse(json));

        Assert.Equal(9999, reservation.ChannelId);
        Assert.Equal("spaceBnb", reservation.ChannelName);
        Assert.Equal("awaitingMoonPhase", reservation.Status);
        Assert.Equal("robot", reservation.CancelledBy);
        Assert.Equal(json, reservation.RawJson);
    }

    [Fact]
    public void Unknown_message_statuses_and_communication_types_are_stored_as_they_are()
    {
        var json = """{"id":3,"status":"queuedOnMars","communicationType":"pigeon","messageSource":"carrier","futureField":[{"a":1}]}""";

        var message = HostawayMessage.FromJson(Parse(json), 2);

        Assert.Equal(("queuedOnMars", "pigeon", "carrier"), (message.Status, message.CommunicationType, message.MessageSource));
        Assert.Equal(json, message.RawJson);
    }

    [Fact]
    public void Unknown_conversation_types_and_listing_fields_are_stored_as_they_are()
    {
        var conversationJson = """{"id":2,"type":"host-guest-telepathy","brandNew":true}""";
        var listingJson = """{"id":17,"specialStatus":"hibernating","listingSettings":{"x":1},"insertedOn":"2020-01-01 00:00:00"}""";

        var conversation = HostawayConversation.FromJson(Parse(conversationJson));
        var listing = HostawayListing.FromJson(Parse(listingJson));

        Assert.Equal("host-guest-telepathy", conversation.Type);
        Assert.Equal(conversationJson, conversation.RawJson);
        Assert.Equal("hibernating", listing.SpecialStatus);
        Assert.Equal(listingJson, listing.RawJson);
    }

    [Fact]
    public void Values_that_break_strict_readers_become_null_or_readable_text()
    {
        // A lone surrogate escape (half an emoji cut off by a channel), an integer past long, a non-finite number as text.
        var json = """{"id":1,"guestName":"Ana \uD83D","guestCity":"Lisboa \uDE00","nights":"99999999999999999999","adults":79228162514264337593543950335,"totalPrice":"1e400"}""";

        var reservation = HostawayReservation.FromJson(Parse(json));
        var listing = HostawayListing.FromJson(Parse("""{"id":17,"lat":"NaN","lng":"Infinity","name":"Casa \uD83D"}"""));

        Assert.Equal("Ana \uFFFD", reservation.GuestName);
        Assert.Equal("Lisboa \uFFFD", reservation.GuestCity);
        Assert.Null(reservation.Nights);
        Assert.Null(reservation.Adults);
        Assert.Null(reservation.TotalPrice);
        Assert.Equal(json, reservation.RawJson);
        Assert.Null(listing.Latitude);
        Assert.Null(listing.Longitude);
        Assert.Equal("Casa \uFFFD", listing.Name);
    }
}
