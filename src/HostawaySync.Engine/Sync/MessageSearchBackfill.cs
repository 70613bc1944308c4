using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>Builds a pending message search index before a sync run (see <see cref="MessageSearchBuild"/>).</summary>
internal static class MessageSearchBackfill
{
    /// <summary>Builds the index before a sync run, reporting progress as the conversations resource's.</summary>
    public static void Run(SyncContext context) => MessageSearchBuild.Run(
        context.Store,
        context.Options.ConversationsPath,
        context.Log,
        () => context.Now,
        (done, total, completed) => context.Report(
            SyncResources.Conversations, completed ? "Message search index built" : "Building the message search index", done, total, completed),
        context.CancellationToken);
}
