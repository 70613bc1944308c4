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
    [InlineData("""{"v":""}""", null)]
    [InlineData("""{"v":"abc"}""", null)]
    [InlineData("""{"v":null}""", null)]
    public void Integers_may_arrive_as_strings(string json, long? expected) =>
        Assert.Equal(expected, Parse(json).Int64("v"));

    [Fact]
    public void Money_is_read_exactly_from_ints_floats_and_strings()
    {
        Assert.Equal(267m, Parse("""{"v":267}""").Decimal("v"));
        Assert.Equal(886.54m, Parse("""{"v":886.54}""").Decimal("v"));
        Assert.Equal(12.5m, Parse("""{"v":"12.50"}""").Decimal("v"));
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
