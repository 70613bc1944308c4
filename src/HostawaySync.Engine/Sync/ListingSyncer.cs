using HostawaySync.Engine.Api;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Listings have no modification time in the API and are few, so every run pulls them all (the cheap way to
/// refresh them): one transaction per page, and listings no longer listed are marked deleted at the end.
/// </summary>
internal static class ListingSyncer
{
    private const string Resource = "listings";

    public static async Task<ResourceOutcome> RunAsync(SyncContext context)
    {
        var outcome = new ResourceOutcome(SyncMode.Full, null);
        context.InTransaction(work => work.ClearSeen(Resource));
        var tally = new PassTally();
        long done = 0;
        await foreach (var page in context.Client.GetListingPagesAsync(tally, context.CancellationToken).ConfigureAwait(false))
        {
            var now = context.Now;
            context.InTransaction(work =>
            {
                outcome.Counts.Add(work.WriteListings(page.Items, context.Options.StorePhotoMetadata, now));
                work.MarkSeen(Resource, page.Items.Select(l => l.Id).Concat(page.UnreadableIds));
            });
            done += page.Items.Count;
            context.Report(SyncResources.Listings, "Fetching listings", done, tally.ApiCount);
        }

        // Only a complete pass may conclude from its count that the unseen listings are gone; otherwise each is asked for.
        var complete = outcome.Check(tally, "listings");
        var gone = await DeletionCheck.ConfirmAsync(
            context, Resource, StoreTable.Listings, complete ? tally.ApiCount : null,
            async (id, token) => await context.Client.GetListingAsync(id, token).ConfigureAwait(false),
            (work, listing) => outcome.Counts.Add(work.WriteListings([listing], context.Options.StorePhotoMetadata, context.Now))).ConfigureAwait(false);
        context.InTransaction(work =>
        {
            outcome.Counts.Deleted += work.SoftDelete(StoreTable.Listings, gone, context.Now);
            work.ClearSeen(Resource);
            work.CompletePass(Resource, null, full: true, context.Now);
        });
        context.Report(SyncResources.Listings, "Listings done", done, tally.ApiCount, completed: true);
        return outcome;
    }
}
