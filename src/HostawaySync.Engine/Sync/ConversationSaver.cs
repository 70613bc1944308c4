using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Sync;

/// <summary>
/// Writes one conversation's messages: the text file first (atomically replaced), then, in one transaction,
/// the message metadata, the conversation's file and sync markers, and the reservation's "conversations
/// synced" marker. A crash between the two leaves a newer file and older metadata, and the next run
/// fetches that conversation again, so the two always converge.
/// </summary>
internal sealed class ConversationSaver
{
    /// <summary>The sync_seen resource that lists the conversations a full pass has stored the messages of.</summary>
    public const string MessagesDoneResource = "conversation_messages";

    private readonly SyncContext _context;
    private readonly ConversationFolder _files;
    private readonly ConversationPaths _paths;
    private readonly HashSet<string> _takenPaths;

    public ConversationSaver(SyncContext context)
    {
        _context = context;
        _files = new ConversationFolder(context.Options.ConversationsPath);
        _paths = new ConversationPaths(context.Options.ConversationsPath);
        _takenPaths = new HashSet<string>(
            context.Store.ConversationFilePaths(), ConversationPaths.PathComparer);
    }

    /// <summary>Messages new to the store so far (messages already stored, changed or not, are not counted).</summary>
    public long MessagesAdded { get; private set; }

    /// <summary>
    /// Writes the file and the metadata. <paramref name="fullPass"/>: a full pass, which records the conversation as done
    /// (so an interrupted pass resumes after it) and marks its reservation's conversations synced.
    /// </summary>
    public async Task StoreAsync(long conversationId, IReadOnlyList<HostawayMessage> messages, bool fullPass)
    {
        var row = _context.Store.ConversationFile(conversationId);
        var arrival = DateOnly.TryParse(row.ArrivalDate, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : (DateOnly?)null;
        var departure = DateOnly.TryParse(row.DepartureDate, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : (DateOnly?)null;
        var relativePath = row.FilePath ?? _paths.RelativePathFor(row.ListingId ?? 0, row.ListingName, row.GuestName, arrival, conversationId, IsTaken);
        _takenPaths.Add(relativePath);

        var header = new ConversationFileHeader(conversationId, row.ReservationId, row.ListingId, row.ListingName, row.GuestName, row.GuestEmail, row.Channel, arrival, departure);
        var fileMessages = messages.Select(m => new ConversationFileMessage(
            m.Id, m.Date, m.IsIncoming ? MessageDirection.Guest : MessageDirection.Host, m.CommunicationType, m.Status, MessageWriter.FileBody(m.Body))).ToList();
        var written = await _files.WriteAsync(relativePath, header, fileMessages, _context.CancellationToken).ConfigureAwait(false);

        var now = _context.Now;
        var added = 0;
        _context.InTransaction(work =>
        {
            added = work.WriteMessages(conversationId, messages, written, now);
            work.SetConversationFile(conversationId, relativePath, messages.Count);
            if (fullPass)
            {
                work.MarkSeen(MessagesDoneResource, [conversationId]);
                if (row.ReservationId is { } reservationId)
                {
                    work.MarkConversationsSyncedIfMoved(reservationId);
                }
            }
        });
        MessagesAdded += added;
    }

    // Owned by another conversation, or a file already on disk that no conversation owns (an earlier tool's log, say).
    private bool IsTaken(string relativePath) => _takenPaths.Contains(relativePath) || File.Exists(_paths.FullPath(relativePath));
}
