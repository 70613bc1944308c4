using HostawaySync.Engine.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Sync;

/// <summary>
/// Passes interrupted in one run and resumed in a later one, with the account changed in between (found by the
/// chaos runs: tests/HostawaySync.Chaos). The resumed run must still end equal to the API, and never get stuck.
/// </summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task A_full_reservations_pass_resumed_after_the_account_changed_still_stores_every_change()
    {
        await using var harness = await SyncHarness.StartAsync(28, DatasetOptions.Small);
        using var cancel = new CancellationTokenSource();
        var first = await SyncRunner.RunAsync(harness.Options(SyncMode.Full), progress: new CancelAt(cancel, SyncResources.Reservations, 100), cancellationToken: cancel.Token);
        // New and updated reservations move to the front of the updatedOn order, before the point where the pass resumes;
        // new messages move latestActivityOn only; some deleted ones were already seen by the interrupted pass.
        var changes = harness.Simulator.Mutate(new MutationRequest { NewReservations = 5, UpdatedReservations = 5, DeletedReservations = 10, NewMessages = 5, Seed = 28 });

        var resumed = await harness.RunAsync(SyncMode.Full);

        Assert.Equal(SyncStatus.Cancelled, first.Status);
        Assert.NotEmpty(changes.NewReservationIds);
        Assert.Equal(SyncStatus.Succeeded, resumed.Status);
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task A_full_conversations_pass_resumed_after_conversations_were_deleted_finishes_and_marks_them_deleted()
    {
        await using var harness = await SyncHarness.StartAsync(29, DatasetOptions.Small);
        using var cancel = new CancellationTokenSource();
        var first = await SyncRunner.RunAsync(harness.Options(SyncMode.Full), progress: new CancelAt(cancel, SyncResources.Conversations, 20, "Fetching messages"), cancellationToken: cancel.Token);
        // Deleting reservations deletes their conversations, most of them listed by the interrupted pass but not fetched yet.
        harness.Simulator.Mutate(new MutationRequest { DeletedReservations = 30, Seed = 29 });

        var resumed = await harness.RunAsync(SyncMode.Full);
        var again = await harness.RunAsync();

        Assert.Equal(SyncStatus.Cancelled, first.Status);
        Assert.Equal(SyncStatus.Succeeded, resumed.Status);
        Assert.Equal(SyncStatus.Succeeded, again.Status);
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task A_full_conversations_pass_resumed_after_new_messages_fetches_the_conversations_it_had_done_again()
    {
        await using var harness = await SyncHarness.StartAsync(31, DatasetOptions.Small);
        using var cancel = new CancellationTokenSource();
        var first = await SyncRunner.RunAsync(harness.Options(SyncMode.Full), progress: new CancelAt(cancel, SyncResources.Conversations, 200, "Fetching messages"), cancellationToken: cancel.Token);
        // Most of these land in conversations whose messages the interrupted pass had already stored.
        harness.Simulator.Mutate(new MutationRequest { NewMessages = 40, Seed = 31 });

        var resumed = await harness.RunAsync(SyncMode.Full);

        Assert.Equal(SyncStatus.Cancelled, first.Status);
        Assert.Equal(SyncStatus.Succeeded, resumed.Status);
        harness.AssertEqualsGroundTruth();
    }

    [Fact]
    public async Task A_conversation_deleted_while_its_messages_are_due_is_marked_deleted_and_the_run_succeeds()
    {
        await using var harness = await SyncHarness.StartAsync(30, DatasetOptions.Small);
        var deleted = 0;
        var midRun = new OnProgress(SyncResources.Conversations, 10, "Fetching messages", () => deleted = harness.Simulator.Mutate(new MutationRequest { DeletedReservations = 30, Seed = 30 }).DeletedReservationIds.Count);

        var first = await SyncRunner.RunAsync(harness.Options(SyncMode.Full), progress: midRun);
        var full = await harness.RunAsync(SyncMode.Full);

        Assert.Equal(30, deleted);
        Assert.Equal(SyncStatus.Succeeded, first.Status);
        Assert.True(first.Resources.Single(r => r.Resource == SyncResources.Conversations).Deleted > 0, "no conversation vanished between listing and fetching, so this test proves nothing");
        Assert.Equal(SyncStatus.Succeeded, full.Status);
        harness.AssertEqualsGroundTruth();
    }

    private sealed class CancelAt(CancellationTokenSource cancel, SyncResources resource, long done, string? activity = null) : ISyncProgress
    {
        public void Report(SyncProgressUpdate update)
        {
            if (update.Resource == resource && update.Done >= done && (activity is null || update.Activity == activity))
            {
                cancel.Cancel();
            }
        }
    }

    private sealed class OnProgress(SyncResources resource, long done, string activity, Action action) : ISyncProgress
    {
        private int _fired;

        public void Report(SyncProgressUpdate update)
        {
            if (update.Resource == resource && update.Done >= done && update.Activity == activity && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                action();
            }
        }
    }
}
