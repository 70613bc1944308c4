using System.Data.Common;
using Dapper;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Queries.Postgres;
using HostawaySync.Engine.Queries.Sqlite;
using HostawaySync.Engine.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HostawaySync.Engine.Queries;

/// <summary>
/// Full-text search over message text: the store finds and ranks the message ids (bm25, best first) with the metadata
/// filters applied in the same query (SQLite's FTS5, or PostgreSQL's tsvector index with FTS5's terms and bm25 formula,
/// so both give the same results in the same order); then the texts are read from the conversation files, each file once
/// however many results it holds, to cut the snippets. Ranking needs every match anyway, so the (small) metadata rows
/// are read first and the results stream as their files are read.
/// </summary>
internal static class MessageSearcher
{
    /// <summary>The joins that bring the listing's and guest's names to the message <c>m</c>.</summary>
    public const string NameJoins = """
        LEFT JOIN conversations c ON c.conversation_id = m.conversation_id
        LEFT JOIN reservations r ON r.reservation_id = m.reservation_id
        LEFT JOIN listings l ON l.listing_id = m.listing_id
        """;

    public static MessageSearchIndexState State(DbConnection connection, ReadDialect dialect)
    {
        if (connection.ExecuteScalar<long>(dialect.HasSearchIndexSql) == 0)
        {
            return MessageSearchIndexState.Missing;
        }

        return connection.ExecuteScalar<long>("SELECT count(*) FROM sync_state WHERE resource = @Resource;", new { Resource = MessageSearchIndex.BackfillResource }) > 0
            ? MessageSearchIndexState.Pending
            : MessageSearchIndexState.Complete;
    }

    /// <summary>The columns of a <see cref="SearchHit"/> but its score, from the message <c>m</c> and <see cref="NameJoins"/>.</summary>
    public static string HitColumns(ReadDialect dialect) => $"""
        m.message_id AS MessageId, m.conversation_id AS ConversationId, m.reservation_id AS ReservationId, m.listing_id AS ListingId,
        l.name AS ListingName, coalesce(r.guest_name, c.recipient_name) AS GuestName, m.direction AS Direction, {dialect.InstantText("m.sent_at")} AS SentAt,
        m.file_path AS FilePath, m.file_position AS FilePosition
        """;

    /// <summary>Validates the query now (a bad one throws before anything is read), then streams the results.</summary>
    public static IEnumerable<MessageSearchRecord> Search(StoreLocation location, MessageSearchFilter filter, string? conversationsRoot)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var dialect = ReadDialect.For(location);
        if (dialect is PostgresReadDialect && filter.Syntax == MessageSearchSyntax.Fts5)
        {
            throw MessageSearchQuery.Fts5Unavailable(filter.Query);
        }

        var fts = MessageSearchQuery.ToFts5(filter.Query, filter.Syntax);
        var paths = conversationsRoot is null ? null : new ConversationPaths(conversationsRoot);
        return Results(Hits(dialect, filter, fts), filter.IncludeText, paths, fts);
    }

    private static List<SearchHit> Hits(ReadDialect dialect, MessageSearchFilter filter, string fts)
    {
        using var connection = dialect.Open();
        if (State(connection, dialect) == MessageSearchIndexState.Missing)
        {
            return [];
        }

        var query = new QueryBuilder(dialect);
        query.In("m.conversation_id", filter.ConversationIds);
        query.In("m.reservation_id", filter.ReservationIds);
        query.In("m.listing_id", filter.ListingIds);
        query.AnyOf(filter.Scopes?.Select(s => (IReadOnlyList<(string, IReadOnlyList<long>?)>)
            [("m.conversation_id", s.ConversationIds), ("m.reservation_id", s.ReservationIds), ("m.listing_id", s.ListingIds)]).ToList());
        query.Compare("m.direction", "=", filter.Direction?.ToLowerInvariant());
        query.Compare("m.sent_at", ">=", dialect.Instant(filter.Since));
        query.Compare("m.sent_at", "<", dialect.Instant(filter.Until));
        if (!filter.IncludeDeleted)
        {
            query.Raw(LiveRows.Message("m"));
        }

        return connection switch
        {
            SqliteConnection sqlite => SqliteSearchHits.Find<SearchHit>(sqlite, query, fts, filter.Query, filter.First, SearchSource.Messages),
            NpgsqlConnection postgres => PostgresSearchHits.Find<SearchHit>(postgres, query, MessageSearchQuery.Parse(filter.Query), filter.First, SearchSource.Messages),
            _ => throw new InvalidOperationException("Unknown store connection."),
        };
    }

    private static IEnumerable<MessageSearchRecord> Results(List<SearchHit> hits, bool includeText, ConversationPaths? paths, string fts)
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
                    var messages = MessageTextReader.Read(paths, path, out _);
                    foreach (var other in sameFile)
                    {
                        texts[other.MessageId] = messages is null ? null : MessageTextReader.TextOf(messages, other.MessageId, other.FilePosition);
                    }
                }

                texts.Remove(hit.MessageId, out text);
            }

            yield return new MessageSearchRecord
            {
                Rank = i + 1, Score = hit.Score, MessageId = hit.MessageId, ConversationId = hit.ConversationId, ReservationId = hit.ReservationId,
                ListingId = hit.ListingId, ListingName = hit.ListingName, GuestName = hit.GuestName, Direction = hit.Direction, SentAt = StoreClock.Parse(hit.SentAt),
                Snippet = text is null ? null : snippets!.Of(text), Text = includeText ? text : null, FilePath = hit.FilePath,
            };
        }
    }
}
