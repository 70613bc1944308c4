using Dapper;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Store;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Queries;

/// <summary>
/// Full-text search over message text: FTS5 finds and ranks the message ids (bm25, best first) with the metadata
/// filters applied in the same query; then the texts are read from the conversation files, each file once however
/// many results it holds, to cut the snippets. Ranking needs every match anyway, so the (small) metadata rows are
/// read first and the results stream as their files are read.
/// </summary>
internal static class MessageSearcher
{
    private const string Select = """
        SELECT m.message_id AS MessageId, m.conversation_id AS ConversationId, m.reservation_id AS ReservationId, m.listing_id AS ListingId,
               l.name AS ListingName, coalesce(r.guest_name, c.recipient_name) AS GuestName, m.direction AS Direction, m.sent_at AS SentAt,
               m.file_path AS FilePath, m.file_position AS FilePosition, bm25(message_search) AS Bm25
        FROM message_search
        JOIN messages_metadata m ON m.message_id = message_search.rowid
        LEFT JOIN conversations c ON c.conversation_id = m.conversation_id
        LEFT JOIN reservations r ON r.reservation_id = m.reservation_id
        LEFT JOIN listings l ON l.listing_id = m.listing_id
        """;

    public static MessageSearchIndexState State(SqliteConnection connection)
    {
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'message_search';") == 0)
        {
            return MessageSearchIndexState.Missing;
        }

        return connection.ExecuteScalar<long>("SELECT count(*) FROM sync_state WHERE resource = @Resource;", new { Resource = MessageSearchIndex.BackfillResource }) > 0
            ? MessageSearchIndexState.Pending
            : MessageSearchIndexState.Complete;
    }

    /// <summary>Validates the query now (a bad one throws before anything is read), then streams the results.</summary>
    public static IEnumerable<MessageSearchRecord> Search(StoreLocation location, MessageSearchFilter filter, string? conversationsRoot)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var fts = MessageSearchQuery.ToFts5(filter.Query, filter.Syntax);
        var paths = conversationsRoot is null ? null : new ConversationPaths(conversationsRoot);
        return Results(Hits(location, filter, fts), filter.IncludeText, paths, fts);
    }

    private static List<Hit> Hits(StoreLocation location, MessageSearchFilter filter, string fts)
    {
        using var connection = StoreReader.Open(location);
        if (State(connection) == MessageSearchIndexState.Missing)
        {
            return [];
        }

        var query = new QueryBuilder();
        query.Raw("message_search MATCH @match");
        query.Parameters.Add("@match", fts);
        query.In("m.conversation_id", filter.ConversationIds);
        query.In("m.reservation_id", filter.ReservationIds);
        query.In("m.listing_id", filter.ListingIds);
        query.AnyOf(filter.Scopes?.Select(s => (IReadOnlyList<(string, IReadOnlyList<long>?)>)
            [("m.conversation_id", s.ConversationIds), ("m.reservation_id", s.ReservationIds), ("m.listing_id", s.ListingIds)]).ToList());
        query.Compare("m.direction", "=", filter.Direction?.ToLowerInvariant());
        query.Compare("m.sent_at", ">=", StoreClock.Format(filter.Since));
        query.Compare("m.sent_at", "<", StoreClock.Format(filter.Until));
        query.Parameters.Add("@limit", filter.First ?? -1);
        try
        {
            return connection.Query<Hit>(Select + query.Where + " ORDER BY bm25(message_search), m.message_id LIMIT @limit;", query.Parameters).AsList();
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 1)
        {
            // The SQL is fixed and the schema checked, so a plain SQLite error here is the FTS5 query's.
            throw MessageSearchQuery.Invalid($"The search query '{filter.Query}' is not a valid FTS5 query: {exception.Message}", filter.Query, exception);
        }
    }

    private static IEnumerable<MessageSearchRecord> Results(List<Hit> hits, bool includeText, ConversationPaths? paths, string fts)
    {
        var byFile = hits.Where(h => h.FilePath is not null).GroupBy(h => h.FilePath!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var texts = new Dictionary<long, string?>();
        using var snippets = paths is null || hits.Count == 0 ? null : new MessageSnippets(fts);
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            string? text = null;
            if (paths is not null && hit.FilePath is { } path)
            {
                if (byFile.Remove(path, out var sameFile))
                {
                    var messages = ConversationTexts.Read(paths, path, out _);
                    foreach (var other in sameFile)
                    {
                        texts[other.MessageId] = messages is null ? null : ConversationTexts.TextOf(messages, other.MessageId, other.FilePosition);
                    }
                }

                texts.Remove(hit.MessageId, out text);
            }

            yield return new MessageSearchRecord
            {
                Rank = i + 1, Score = -hit.Bm25, MessageId = hit.MessageId, ConversationId = hit.ConversationId, ReservationId = hit.ReservationId,
                ListingId = hit.ListingId, ListingName = hit.ListingName, GuestName = hit.GuestName, Direction = hit.Direction, SentAt = StoreClock.Parse(hit.SentAt),
                Snippet = text is null ? null : snippets!.Of(text), Text = includeText ? text : null, FilePath = hit.FilePath,
            };
        }
    }

    private sealed class Hit
    {
        public long MessageId { get; set; }

        public long? ConversationId { get; set; }

        public long? ReservationId { get; set; }

        public long? ListingId { get; set; }

        public string? ListingName { get; set; }

        public string? GuestName { get; set; }

        public string Direction { get; set; } = string.Empty;

        public string? SentAt { get; set; }

        public string? FilePath { get; set; }

        public int? FilePosition { get; set; }

        public double Bm25 { get; set; }
    }
}
