using System.Globalization;
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
        var header = HeaderOf(row);
        var relativePath = row.FilePath ?? _paths.RelativePathFor(row.ListingId ?? 0, row.ListingName, row.GuestName, header.ArrivalDate, conversationId, IsTaken);
        _takenPaths.Add(relativePath);

        var fileMessages = messages.Select(m => new ConversationFileMessage(
            m.Id, m.Date, m.IsIncoming ? MessageDirection.Guest : MessageDirection.Host, m.CommunicationType, m.Status, MessageWriter.FileBody(m.Body))).ToList();
        var written = await _files.WriteAsync(relativePath, header, fileMessages, _context.CancellationToken).ConfigureAwait(false);

        var now = _context.Now;
        var added = 0;
        _context.InTransaction(work =>
        {
            added = work.WriteMessages(conversationId, messages, written, now);
            work.SetConversationFile(conversationId, relativePath, messages.Count);
            work.StampConversationFile(conversationId, new ConversationFileStamp(written.Sha256, written.BytesWritten, HeaderMark(header)), messagesStored: true);
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

    /// <summary>
    /// Writes a conversation file again with the header its facts give now (the reservation's dates, the guest's or the
    /// listing's name changed), keeping the messages the file holds, without asking the API: only when the file is exactly
    /// what HostawaySync wrote (<paramref name="row"/>'s stamp) and reads back losslessly. Returns false when it is not
    /// (then the caller fetches the messages instead).
    /// </summary>
    public async Task<bool> RewriteHeaderAsync(ConversationFileFacts row, byte[] current)
    {
        var text = ConversationFileConventions.Utf8.GetString(current);
        using var reader = new StringReader(text);
        var parsed = ConversationFileFormat.Parse(reader, row.FilePath!);
        var messages = parsed.Messages.Select(m => m.Message).ToList();
        if (parsed.Kind != ConversationFileKind.HostawaySync || parsed.Problems.Count > 0 || !string.Equals(Render(parsed.Header, messages), text, StringComparison.Ordinal))
        {
            return false;
        }

        var header = HeaderOf(row);
        var written = await _files.WriteAsync(row.FilePath!, header, messages, _context.CancellationToken).ConfigureAwait(false);
        _context.InTransaction(work => work.StampConversationFile(
            row.ConversationId, new ConversationFileStamp(written.Sha256, written.BytesWritten, HeaderMark(header)), messagesStored: false));
        return true;
    }

    /// <summary>The header a conversation's file gets from its facts.</summary>
    public static ConversationFileHeader HeaderOf(ConversationFileFacts row) => new(
        row.ConversationId, row.ReservationId, row.ListingId, row.ListingName, row.GuestName, row.GuestEmail, row.Channel,
        DateOnly.TryParse(row.ArrivalDate, CultureInfo.InvariantCulture, out var arrival) ? arrival : null,
        DateOnly.TryParse(row.DepartureDate, CultureInfo.InvariantCulture, out var departure) ? departure : null);

    /// <summary>A short fingerprint of the facts a header is written from: when it changes, the file's header must be written again.</summary>
    public static string HeaderMark(ConversationFileHeader header) => ContentHash.Of(string.Join(
        '\u001f',
        header.ConversationId, header.ReservationId, header.ListingId, header.ListingName, header.GuestName, header.GuestEmail, header.Channel,
        header.ArrivalDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), header.DepartureDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static string Render(ConversationFileHeader header, IReadOnlyList<ConversationFileMessage> messages)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        ConversationFileFormat.Write(text, header, messages);
        return text.ToString();
    }

    // Owned by another conversation, or a file already on disk that no conversation owns (an earlier tool's log, say).
    private bool IsTaken(string relativePath) => _takenPaths.Contains(relativePath) || File.Exists(_paths.FullPath(relativePath));
}
