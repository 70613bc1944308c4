using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Queries;

public sealed class StoreReaderTests
{
    // Dapper types each column from the first row it reads; a timestamp that is NULL in the first row must not
    // break the rows after it. Every listing's subset starts with different rows, so this reads every shape.
    [Fact]
    public async Task Every_query_reads_every_subset_whatever_its_first_row_holds()
    {
        await using var harness = await SyncHarness.StartAsync(16, DatasetOptions.Small);
        await harness.RunAsync();
        var listings = StoreReader.Listings(harness.DatabasePath, new ListingFilter(IncludeDeleted: true)).ToList();
        Assert.NotEmpty(listings);

        var reservations = 0;
        var conversations = 0;
        var messages = 0;
        foreach (var listing in listings)
        {
            long[] ids = [listing.ListingId];
            reservations += StoreReader.Reservations(harness.DatabasePath, new ReservationFilter(ListingIds: ids, IncludeDeleted: true)).Count();
            conversations += StoreReader.Conversations(harness.DatabasePath, new ConversationFilter(ListingIds: ids, IncludeDeleted: true)).Count();
            messages += StoreReader.Messages(harness.DatabasePath, new MessageFilter(ListingIds: ids), null).Count();
            _ = StoreReader.ListingPhotos(harness.DatabasePath, new ListingPhotoFilter(ListingIds: ids, IncludeDeleted: true)).Count();
        }

        Assert.Equal(StoreReader.Reservations(harness.DatabasePath, new ReservationFilter(IncludeDeleted: true)).Count(), reservations);
        Assert.True(conversations > 0 && messages > 0);
        Assert.All(StoreReader.Conversations(harness.DatabasePath, new ConversationFilter()), c => Assert.True(c.MessageSentOn is null || c.MessageSentOn.Value.Kind != DateTimeKind.Local));
    }
}
