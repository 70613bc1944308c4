using System.Text.Json;
using HostawaySync.Engine.Api.Models;

namespace HostawaySync.Engine.Tests.Api;

/// <summary>
/// An object without a usable id is the one row that cannot be read. Every model then throws exactly a
/// <see cref="JsonException"/> (the client turns it into a per-row report) whose message says what was wrong.
/// </summary>
public sealed class UnreadableRowTests
{
    private static readonly (string Json, string Reason)[] BadIds =
    [
        ("""{"name":"x"}""", "has no id"),
        ("""{"id":null}""", "has no id"),
        ("""{"id":""}""", "has an unreadable id \"\""),
        ("""{"id":"abc"}""", "has an unreadable id \"abc\""),
        ("""{"id":true}""", "has an unreadable id true"),
        ("""{"id":1.5}""", "has an unreadable id 1.5"),
        ("""{"id":"12x"}""", "has an unreadable id \"12x\""),
        ("""{"id":{"value":1}}""", "has an unreadable id {\"value\":1}"),
        ("""{"id":[1]}""", "has an unreadable id [1]"),
        ("""{"id":99999999999999999999}""", "has an unreadable id 99999999999999999999"),
        ("null", "is not a JSON object but null"),
        ("\"listing\"", "is not a JSON object but a string"),
        ("[1,2]", "is not a JSON object but an array"),
        ("17", "is not a JSON object but a number"),
    ];

    /// <summary>Every model, with how its message names the object (messages and images name their parent).</summary>
    private static readonly Dictionary<string, (Func<JsonElement, object> Read, string Named)> Models = new()
    {
        ["listing"] = (json => HostawayListing.FromJson(json), "A listing "),
        ["reservation"] = (json => HostawayReservation.FromJson(json), "A reservation "),
        ["conversation"] = (json => HostawayConversation.FromJson(json), "A conversation "),
        ["message"] = (json => HostawayMessage.FromJson(json, 900), "A message of conversation 900 "),
        ["image"] = (json => HostawayListingImage.FromJson(json, 17), "An image of listing 17 "),
    };

    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string, string>();
            foreach (var model in Models.Keys)
            {
                foreach (var (json, reason) in BadIds)
                {
                    cases.Add(model, json, reason);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_object_without_a_usable_id_is_a_JsonException_that_says_why(string model, string json, string reason)
    {
        var (read, named) = Models[model];

        var error = Assert.Throws<JsonException>(() => read(Parse(json)));

        Assert.Contains(named + reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reservation_falls_back_to_hostawayReservationId_and_says_so_when_both_are_unusable()
    {
        Assert.Equal(4711, HostawayReservation.FromJson(Parse("""{"id":null,"hostawayReservationId":"4711"}""")).Id);

        var error = Assert.Throws<JsonException>(() => HostawayReservation.FromJson(Parse("""{"id":"x","hostawayReservationId":"y"}""")));
        Assert.Contains("A reservation has an unreadable id \"x\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_unreadable_id_is_shortened_in_the_message()
    {
        var error = Assert.Throws<JsonException>(() => HostawayListing.FromJson(Parse($$"""{"id":"{{new string('x', 5000)}}"}""")));

        Assert.True(error.Message.Length < 200, error.Message);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
