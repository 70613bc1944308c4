using Dapper;
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
internal sealed class ConversationFileWork
{
    /// <summary>The sync_seen resource that lists the conversations a full pass has stored the messages of.</summary>
    public const string MessagesDoneResource = "conversation_messages";

    private readonly SyncContext _context;
    private readonly ConversationFileStore _files;
    private readonly ConversationPaths _paths;
    private readonly HashSet<string> _takenPaths;

    public ConversationFileWork(SyncContext context)
    {
        _context = context;
        _files = new ConversationFileStore(context.Options.ConversationsPath);
        _paths = new ConversationPaths(context.Options.ConversationsPath);
        _takenPaths = new HashSet<string>(
            context.Connection.Query<string>("SELECT file_path FROM conversations WHERE file_path IS NOT NULL;"), ConversationPaths.PathComparer);
    }

    /// <summary>Messages new to the store so far (messages already stored, changed or not, are not counted).</summary>
    public long MessagesAdded { get; private set; }

    /// <summary>
    /// Writes the file and the metadata. <paramref name="fullPass"/>: a full pass, which records the conversation as done
    /// (so an interrupted pass resumes after it) and marks its reservation's conversations synced.
    /// </summary>
    public async Task StoreAsync(long conversationId, IReadOnlyList<HostawayMessage> messages, bool fullPass)
    {
        var connection = _context.Connection;
        var row = connection.QuerySingle<ConversationFileRow>(
            """
            SELECT c.conversation_id AS ConversationId, c.reservation_id AS ReservationId, coalesce(c.listing_id, r.listing_id) AS ListingId,
                   l.name AS ListingName, coalesce(r.guest_name, c.recipient_name) AS GuestName, r.guest_email AS GuestEmail,
                   r.channel_name AS Channel, r.arrival_date AS ArrivalDate, r.departure_date AS DepartureDate, c.file_path AS FilePath
            FROM conversations c
            LEFT JOIN reservations r ON r.reservation_id = c.reservation_id
            LEFT JOIN listings l ON l.listing_id = coalesce(c.listing_id, r.listing_id)
            WHERE c.conversation_id = @Id;
            """, new { Id = conversationId });
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
        _context.InTransaction(transaction =>
        {
            added = MessageWriter.Write(connection, transaction, conversationId, messages, written, now).Added;
            connection.Execute(
                "UPDATE conversations SET file_path = @Path, message_count = @Count WHERE conversation_id = @Id AND (file_path IS NOT @Path OR message_count IS NOT @Count);",
                new { Path = relativePath, Count = messages.Count, Id = conversationId }, transaction);
            if (fullPass)
            {
                SyncBookkeeping.MarkSeen(connection, transaction, MessagesDoneResource, [conversationId]);
                if (row.ReservationId is { } reservationId)
                {
                    connection.Execute(
                        "UPDATE reservations SET conversations_synced_activity = latest_activity_on WHERE reservation_id = @Id AND conversations_synced_activity IS NOT latest_activity_on;",
                        new { Id = reservationId }, transaction);
                }
            }
        });
        MessagesAdded += added;
    }

    // Owned by another conversation, or a file already on disk that no conversation owns (an earlier tool's log, say).
    private bool IsTaken(string relativePath) => _takenPaths.Contains(relativePath) || File.Exists(_paths.FullPath(relativePath));

    private sealed class ConversationFileRow
    {
        public long ConversationId { get; set; }

        public long? ReservationId { get; set; }

        public long? ListingId { get; set; }

        public string? ListingName { get; set; }

        public string? GuestName { get; set; }

        public string? GuestEmail { get; set; }

        public string? Channel { get; set; }

        public string? ArrivalDate { get; set; }

        public string? DepartureDate { get; set; }

        public string? FilePath { get; set; }
    }
}
