using System.Net;
using System.Text;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Tests.Api;

/// <summary>Odd answers at the transport level, through the public client: fail envelopes with HTTP 200, HTML where JSON belongs, loose values end to end.</summary>
public sealed class OddAnswerTests
{
    private const string ProxyPage = "<!DOCTYPE html><html><head><title>Service Temporarily Unavailable</title></head><body><h1>Please try again</h1></body></html>";
    private readonly FakeApiHandler _handler = new();

    [Theory]
    [InlineData("""{"status":"fail","message":"Invalid listing filter"}""", "Invalid listing filter")]
    [InlineData("""{"status":"fail","result":"Invalid sortOrder"}""", "Invalid sortOrder")]
    [InlineData("""{"status":"FAIL","message":"Shouting"}""", "Shouting")]
    [InlineData("""{"status":"fail"}""", "no reason given")]
    public async Task A_fail_envelope_with_HTTP_200_is_rejected_once_with_its_reason(string body, string reason)
    {
        _handler.Script("listings", _ => FakeApiHandler.Json(HttpStatusCode.OK, body));
        using var client = Client();

        var error = await Assert.ThrowsAsync<HostawayException>(() => client.GetListingsAsync().ToListAsync().AsTask());

        Assert.Equal(ErrorIds.ApiRequestRejected, error.ErrorId);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, ListingRequests());
    }

    [Fact]
    public async Task A_fail_envelope_for_a_single_object_is_rejected_with_its_reason()
    {
        _handler.Script("listings/17", _ => FakeApiHandler.Json(HttpStatusCode.OK, """{"status":"fail","message":"Listing is locked"}"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<HostawayException>(() => client.GetListingAsync(17));

        Assert.Equal(ErrorIds.ApiRequestRejected, error.ErrorId);
        Assert.Contains("Listing is locked", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, ListingRequests());
    }

    [Fact]
    public async Task An_HTML_page_with_HTTP_200_is_retried_like_a_malformed_body_and_then_succeeds()
    {
        _handler.Script("listings", _ => ProxyHtml(HttpStatusCode.OK), _ => FakeApiHandler.Json(HttpStatusCode.OK, """{"status":"success","result":[{"id":"1","price":"10"}],"count":1}"""));
        using var client = Client();

        var listings = await client.GetListingsAsync().ToListAsync();

        Assert.Equal(10m, Assert.Single(listings).Price);
        Assert.Equal(1, client.Statistics.Retries);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "answered HTTP 200 with an HTML page instead of JSON")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "failed with HTTP 503: an HTML page")]
    public async Task An_HTML_page_that_persists_is_retried_then_ApiUnavailable_naming_the_page_not_its_markup(HttpStatusCode status, string says)
    {
        _handler.Script("listings", _ => ProxyHtml(status));
        using var client = Client();

        var error = await Assert.ThrowsAsync<HostawayException>(() => client.GetListingsAsync().ToListAsync().AsTask());

        Assert.Equal(ErrorIds.ApiUnavailable, error.ErrorId);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Contains("Service Temporarily Unavailable", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<title", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, ListingRequests());
    }

    [Fact]
    public async Task An_HTML_page_with_HTTP_400_is_rejected_with_its_title_not_its_markup()
    {
        _handler.Script("listings", _ => ProxyHtml(HttpStatusCode.BadRequest));
        using var client = Client();

        var error = await Assert.ThrowsAsync<HostawayException>(() => client.GetListingsAsync().ToListAsync().AsTask());

        Assert.Equal(ErrorIds.ApiRequestRejected, error.ErrorId);
        Assert.Contains("an HTML page: Service Temporarily Unavailable", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<title>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loose_values_pass_through_the_client_untouched()
    {
        const string Listing = """{"id":"17","price":"12.50","personCapacity":"4","insertedOn":"2026-03-31T23:59:58+02:00","listingImages":null,"customFieldValues":{},"brandNew":[1]}""";
        _handler.Script("listings/17", _ => FakeApiHandler.Json(HttpStatusCode.OK, $$"""{"status":"success","result":{{Listing}}}"""));
        using var client = Client();

        var listing = await client.GetListingAsync(17);

        Assert.NotNull(listing);
        Assert.Equal((17L, 12.50m, 4), (listing.Id, listing.Price!.Value, listing.PersonCapacity!.Value));
        Assert.Equal(new DateTime(2026, 3, 31, 21, 59, 58, DateTimeKind.Utc), listing.InsertedOn);
        Assert.Empty(listing.Images);
        Assert.Equal(Listing, listing.RawJson);
    }

    private HostawayClient Client() => new(_handler.Options("secret"));

    private int ListingRequests() => _handler.Requests.Count(r => r.PathAndQuery.Contains("/listings", StringComparison.Ordinal));

    private static HttpResponseMessage ProxyHtml(HttpStatusCode status) => new(status) { Content = new StringContent(ProxyPage, Encoding.UTF8, "text/html") };
}
