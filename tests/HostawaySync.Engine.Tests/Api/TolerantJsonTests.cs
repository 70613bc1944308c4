using System.Text.Json;
using HostawaySync.Engine.Api.Json;

namespace HostawaySync.Engine.Tests.Api;

public sealed class TolerantJsonTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Theory]
    [InlineData("""{"v":1}""", true)]
    [InlineData("""{"v":0}""", false)]
    [InlineData("""{"v":true}""", true)]
    [InlineData("""{"v":false}""", false)]
    [InlineData("""{"v":"1"}""", true)]
    [InlineData("""{"v":"0"}""", false)]
    [InlineData("""{"v":null}""", null)]
    [InlineData("""{}""", null)]
    [InlineData("""{"v":"maybe"}""", null)]
    public void Booleans_come_as_0_1_true_false_or_null(string json, bool? expected) =>
        Assert.Equal(expected, Parse(json).Boolean("v"));

    [Theory]
    [InlineData("""{"v":42}""", 42L)]
    [InlineData("""{"v":"42"}""", 42L)]
    [InlineData("""{"v":42.0}""", 42L)]
    [InlineData("""{"v":" 42 "}""", 42L)]
    [InlineData("""{"v":"42.0"}""", 42L)]
    [InlineData("""{"v":-7}""", -7L)]
    [InlineData("""{"v":""}""", null)]
    [InlineData("""{"v":"abc"}""", null)]
    [InlineData("""{"v":null}""", null)]
    [InlineData("""{"v":true}""", null)]
    [InlineData("""{"v":false}""", null)]
    [InlineData("""{"v":42.5}""", null)]
    [InlineData("""{"v":"42.5"}""", null)]
    [InlineData("""{"v":"99999999999999999999"}""", null)]
    [InlineData("""{"v":"79228162514264337593543950335"}""", null)]
    [InlineData("""{"v":1e300}""", null)]
    [InlineData("""{"v":[42]}""", null)]
    public void Integers_may_arrive_as_strings(string json, long? expected) =>
        Assert.Equal(expected, Parse(json).Int64("v"));

    [Fact]
    public void Money_is_read_exactly_from_ints_floats_and_strings()
    {
        Assert.Equal(267m, Parse("""{"v":267}""").Decimal("v"));
        Assert.Equal(886.54m, Parse("""{"v":886.54}""").Decimal("v"));
        Assert.Equal(12.5m, Parse("""{"v":"12.50"}""").Decimal("v"));
    }

    [Theory]
    [InlineData("""{"v":"NaN"}""")]
    [InlineData("""{"v":"Infinity"}""")]
    [InlineData("""{"v":"-Infinity"}""")]
    [InlineData("""{"v":"1e400"}""")]
    [InlineData("""{"v":true}""")]
    public void Non_finite_doubles_are_null(string json) =>
        Assert.Null(Parse(json).Double("v"));

    [Theory]
    [InlineData("""{"v":null}""")]
    [InlineData("""{"v":{}}""")]
    [InlineData("""{"v":{"0":1}}""")]
    [InlineData("""{"v":""}""")]
    [InlineData("""{"v":"[1,2]"}""")]
    [InlineData("""{"v":3}""")]
    [InlineData("""{}""")]
    public void Anything_but_an_array_is_an_empty_array(string json) =>
        Assert.Empty(Parse(json).Array("v"));

    [Fact]
    public void An_array_yields_its_elements_whatever_they_are() =>
        Assert.Equal(["1", "null", "\"x\""], Parse("""{"v":[1,null,"x"]}""").Array("v").Select(e => e.GetRawText()));

    [Theory]
    [InlineData("5/6/2026")]
    [InlineData("May 5")]
    [InlineData("2026")]
    [InlineData("Tuesday 10:00")]
    [InlineData("10:00:00")]
    [InlineData("2026-05-06 25:00:00")]
    public void Timestamps_that_would_need_a_guess_are_null(string text) =>
        Assert.Null(TolerantJson.ParseTimestamp(text));

    [Fact]
    public void A_lone_surrogate_escape_reads_as_a_replacement_character_and_escapes_still_decode()
    {
        var element = Parse("""{"v":"a\uD83D\n\"b\"\t\u00e9\/\uD83D\uDE00\uDE00"}""");

        Assert.Equal("a\uFFFD\n\"b\"\t\u00e9/\uD83D\uDE00\uFFFD", element.String("v"));
    }

    [Fact]
    public void Naive_timestamps_are_utc()
    {
        var value = Parse("""{"v":"2026-03-31 23:59:58"}""").Timestamp("v");

        Assert.Equal(new DateTime(2026, 3, 31, 23, 59, 58, DateTimeKind.Utc), value);
        Assert.Equal(DateTimeKind.Utc, value!.Value.Kind);
        Assert.Equal(new DateTime(2026, 3, 31, 21, 59, 58, DateTimeKind.Utc), Parse("""{"v":"2026-03-31T23:59:58+02:00"}""").Timestamp("v"));
        Assert.Null(Parse("""{"v":"0000-00-00 00:00:00"}""").Timestamp("v"));
        Assert.Null(Parse("""{"v":"not a date"}""").Timestamp("v"));
    }

    [Fact]
    public void Dates_accept_a_timestamp_and_ignore_its_time()
    {
        Assert.Equal(new DateOnly(2021, 5, 11), Parse("""{"v":"2021-05-11 22:00:00"}""").Date("v"));
        Assert.Equal(new DateOnly(2021, 5, 11), Parse("""{"v":"2021-05-11"}""").Date("v"));
    }

    [Fact]
    public void Strings_accept_numbers_as_their_text()
    {
        Assert.Equal("12345", Parse("""{"v":12345}""").String("v"));
        Assert.Equal("2", Parse("""{"v":"2"}""").String("v"));
        Assert.Null(Parse("""{"v":"   "}""").NonEmpty("v"));
    }
}
