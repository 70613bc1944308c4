using System.Text.Json;
using HostawaySync.Engine.Store.Postgres;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>NUL, which PostgreSQL cannot store, becomes U+FFFD; nothing else changes.</summary>
public sealed class PostgresTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\0b\0", "a\uFFFDb\uFFFD")]
    [InlineData(null, null)]
    public void Text_loses_only_its_nul_characters(string? text, string? expected) => Assert.Equal(expected, PostgresText.Clean(text));

    [Theory]
    [InlineData("""{"a":"x\u0000y"}""", """{"a":"x\ufffdy"}""")]
    [InlineData("""{"a":"x\\u0000y"}""", """{"a":"x\\u0000y"}""")]
    [InlineData("""{"a":"x\\\u0000y"}""", """{"a":"x\\\ufffdy"}""")]
    [InlineData("""{"a":"\u00001"}""", """{"a":"\ufffd1"}""")]
    [InlineData("""{"a":"x\u0001"}""", """{"a":"x\u0001"}""")]
    [InlineData("""{"u0000":1}""", """{"u0000":1}""")]
    public void Json_loses_only_its_nul_escapes(string json, string expected)
    {
        var cleaned = PostgresText.CleanJson(json);

        Assert.Equal(expected, cleaned);
        using var document = JsonDocument.Parse(cleaned!);
        Assert.DoesNotContain("\0", document.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
