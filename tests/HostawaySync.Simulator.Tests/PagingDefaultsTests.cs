using System.Security.Cryptography;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>With default settings the paging variants change nothing: bodies are byte for byte what the simulator served before them.</summary>
public sealed class PagingDefaultsTests(SmallSimulatorFixture fixture) : IClassFixture<SmallSimulatorFixture>
{
    // SHA-256 of the bodies served for Small, seed 42, by the commit before the paging variants (b6cd8d7).
    [Theory]
    [InlineData("listings", "0fef63893726980ca6304f650323d96ec000c509d014121b89a8ebab9cea3ad9")]
    [InlineData("listings?limit=5&offset=2", "fb7bf536871669576d0f9ee268902ca544530de5876fac95b02cd990ae8fb12f")]
    [InlineData("reservations?limit=5&offset=2", "653319b59deb1a352f89994e964c2a9878c083ef63a5cda054344d1955d18010")]
    [InlineData("reservations?limit=5&afterId=11001084", "657bfad74acad104e7d93ffcebeb5cd6366250cc561fa072aa616980c8d90b27")]
    [InlineData("conversations?limit=5&offset=2", "5632e9499b210302a78dd589a944a65f10ff767ffd4fd9c191a5c005e554d02a")]
    [InlineData("conversations?limit=250", "83e4e546b93b7d767e159d0cb56611bc19a1bd8db5976e8601dd286c786164fe")]
    [InlineData("conversations/700066/messages?limit=3&offset=1", "f0cbb7e78430524175384fdf43aaffb27437b8dad89b934254c042e46c9d8a29")]
    public async Task Default_settings_serve_the_same_bytes_as_before(string url, string sha256)
    {
        var body = await fixture.Client.Http.GetByteArrayAsync(url);

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(body)));
    }
}
