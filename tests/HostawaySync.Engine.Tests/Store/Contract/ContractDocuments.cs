using System.Globalization;
using System.Text.Json;
using HostawaySync.Engine.Api.Models;

namespace HostawaySync.Engine.Tests.Store.Contract;

/// <summary>Small API documents, parsed by the models as the client parses them, for the store contract tests.</summary>
internal static class ContractDocuments
{
    public static HostawayListing Listing(long id, string name) =>
        HostawayListing.FromJson(Parse($$"""
            {"id": {{id}}, "name": "{{name}}", "city": "Lisbon", "personCapacity": 4, "bedroomsNumber": 2, "price": 120.5,
             "insertedOn": "2024-01-02 03:04:05", "listingImages": [{"id": {{id * 10}}, "url": "https://img.example/{{id}}.jpg", "caption": "front"}]}
            """));

    public static HostawayReservation Reservation(long id, long listingId, string? email = null, string? externalId = null, string arrival = "2024-06-01") =>
        HostawayReservation.FromJson(Parse(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["listingMapId"] = listingId, ["guestName"] = string.Create(CultureInfo.InvariantCulture, $"Guest {id}"), ["guestEmail"] = email,
            ["guestExternalAccountId"] = externalId, ["arrivalDate"] = arrival, ["departureDate"] = "2024-06-05", ["status"] = "new",
            ["totalPrice"] = 480.25, ["isPaid"] = true, ["guestCity"] = "Porto", ["latestActivityOn"] = "2024-05-01 10:00:00", ["channelName"] = "airbnbOfficial",
        })));

    public static HostawayConversation Conversation(long id, long reservationId, long listingId) =>
        HostawayConversation.FromJson(Parse($$"""
            {"id": {{id}}, "reservationId": {{reservationId}}, "listingMapId": {{listingId}}, "type": "channel", "recipientName": "Guest",
             "messageSentOn": "2024-05-01 09:00:00", "conversationMessages": [{"id": 1, "body": "latest text"}]}
            """));

    public static HostawayMessage Message(long id, long conversationId, string body) =>
        HostawayMessage.FromJson(Parse($$"""{"id": {{id}}, "conversationId": {{conversationId}}, "body": "{{body}}", "isIncoming": 1, "date": "2024-05-01 08:00:00"}"""), conversationId);

    public static HostawayReview Review(long id, long reservationId, string status, int? rating, string? text, string departure = "2024-06-05 10:00:00", params (string Category, int Rating)[] categories) =>
        HostawayReview.FromJson(Parse(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["listingMapId"] = 5, ["reservationId"] = reservationId, ["channelId"] = 2018, ["type"] = "guest-to-host", ["status"] = status,
            ["rating"] = rating, ["publicReview"] = text, ["privateFeedback"] = null, ["revieweeResponse"] = null, ["isRevieweeRecommended"] = 1,
            ["isCancelled"] = 0, ["reviewCategory"] = categories.Select(c => new Dictionary<string, object> { ["category"] = c.Category, ["rating"] = c.Rating }).ToList(),
            ["departureDate"] = departure, ["arrivalDate"] = "2024-06-01 15:00:00", ["listingName"] = "Sea view", ["guestName"] = "Ann",
        })));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
