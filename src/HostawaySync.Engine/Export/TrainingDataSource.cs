using System.Data.Common;
using System.Globalization;
using Dapper;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Queries;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Export;

/// <summary>
/// Reads the conversations to export one at a time: the matching message rows stream from the database in
/// conversation order, and each conversation's file is read once, when its rows are complete, so memory grows
/// with the largest conversation, not with their number. A conversation is its conversation file: a synced
/// conversation is read from its own file only (copies of it that earlier tools left and that were matched to
/// it are not read twice); a file no synced conversation owns is a conversation of its own.
/// </summary>
internal sealed class TrainingDataSource
{
    private const string From = " FROM messages_metadata m LEFT JOIN conversations c ON c.conversation_id = m.conversation_id";

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly ConversationPaths _paths;
    private readonly bool _wantsInfo;
    private readonly bool _withReviews;
    private readonly QueryBuilder _query;

    public TrainingDataSource(ReadDialect dialect, DbConnection connection, DbTransaction transaction, ConversationPaths paths, TrainingDataOptions options, bool wantsInfo)
    {
        _connection = connection;
        _transaction = transaction;
        _paths = paths;
        _wantsInfo = wantsInfo;
        _query = new QueryBuilder(dialect);
        _query.Raw("m.file_path IS NOT NULL");
        _query.Raw("(c.conversation_id IS NULL OR c.file_path IS NULL OR m.file_path = c.file_path)");
        if (!options.IncludeDeleted)
        {
            _query.Raw(LiveRows.Message("m"));
        }

        if (!options.IncludeUnsent)
        {
            _query.Raw($"(m.status IS NULL OR {dialect.Lower("m.status")} = 'sent')");
        }

        _query.In("m.conversation_id", options.ConversationIds);
        _query.In("coalesce(m.reservation_id, c.reservation_id)", options.ReservationIds);
        _query.In("coalesce(m.listing_id, c.listing_id)", options.ListingIds);
        _query.Compare("m.sent_at", ">=", dialect.Instant(options.Since));
        _query.Compare("m.sent_at", "<", dialect.Instant(options.Until));
        var hasReviews = connection.ExecuteScalar<long>(dialect.HasReviewsSql, transaction: transaction) > 0;
        _withReviews = hasReviews && options.IncludeMetadata;
        if (options.MinRating is { } minimum)
        {
            if (!hasReviews || connection.ExecuteScalar<long>("SELECT count(*) FROM sync_state WHERE resource = 'reviews' AND last_success_at IS NOT NULL;", transaction: transaction) == 0)
            {
                throw new HostawayException(
                    ErrorIds.ReviewsNotSynced, ErrorKind.InvalidArgument,
                    "-MinRating keeps the conversations whose stay got a good guest review, but no review has been synced into this database yet.",
                    "Run Sync-HostawayReview (or Invoke-HostawaySync) first, then export again.");
            }

            // The stay's guest review: the reservation the message (or its conversation) is about.
            _query.Raw($"""
                EXISTS (SELECT 1 FROM reviews v WHERE v.reservation_id = coalesce(m.reservation_id, c.reservation_id)
                        AND v.type = 'guest-to-host' AND v.deleted_at IS NULL AND v.rating >= {_query.Add((double)minimum)})
                """);
        }
    }

    /// <summary>How many conversations have matching messages.</summary>
    public int Count() => _connection.ExecuteScalar<int>(
        "SELECT count(*) FROM (SELECT 1" + From + _query.Where + " GROUP BY m.conversation_id, m.file_path) AS conversations;", _query.Parameters, _transaction);

    // Plain columns only on SQLite (its dialect's fragments are the columns themselves): Dapper fixes each column's type from
    // the first row, and SQLite gives an expression that is NULL there no type (Microsoft.Data.Sqlite reports byte[]), which
    // would break the rows after it. PostgreSQL types every column, expressions included.

    /// <summary>The conversations, by conversation id (files no conversation owns first), each with its matching messages.</summary>
    public IEnumerable<SourceConversation> Conversations()
    {
        var d = _query.Dialect;
        var rows = d.Rows<MessageRow>(
            _connection,
            _transaction,
            $"""
            SELECT m.message_id AS MessageId, m.conversation_id AS ConversationId, m.reservation_id AS ReservationId, c.reservation_id AS ConversationReservationId,
                   m.listing_id AS ListingId, c.listing_id AS ConversationListingId, m.direction AS Direction, {d.InstantText("m.sent_at")} AS SentAt,
                   m.file_path AS FilePath, m.file_position AS FilePosition
            """ + From + _query.Where
                + $" ORDER BY {d.Ascending("m.conversation_id")}, {d.Ascending("m.file_path", text: true)}, {d.Ascending("m.file_position")}, m.message_id;",
            _query.Parameters);
        var group = new List<MessageRow>();
        foreach (var row in rows)
        {
            if (group.Count > 0 && (row.ConversationId != group[0].ConversationId || !string.Equals(row.FilePath, group[0].FilePath, StringComparison.Ordinal)))
            {
                yield return Load(group);
                group = [];
            }

            group.Add(row);
        }

        if (group.Count > 0)
        {
            yield return Load(group);
        }
    }

    private SourceConversation Load(List<MessageRow> rows)
    {
        var first = rows[0];
        var relativePath = first.FilePath!;
        var label = first.ConversationId is { } id ? string.Create(CultureInfo.InvariantCulture, $"conversation {id}") : $"the conversation in '{relativePath}'";
        var info = _wantsInfo ? ReadInfo(first) : new ConversationInfo
        {
            ConversationId = first.ConversationId, ReservationId = first.ReservationId ?? first.ConversationReservationId, ListingId = first.ListingId ?? first.ConversationListingId,
        };

        string fullPath;
        try
        {
            fullPath = _paths.FullPath(relativePath);
        }
        catch (HostawayException exception)
        {
            return Failed($"its file path '{relativePath}' cannot be used: {exception.Message}");
        }

        if (!File.Exists(fullPath))
        {
            return Failed($"its file '{relativePath}' is missing. Run Invoke-HostawaySync -Full to write it again.");
        }

        var parsed = ConversationFileConventions.ParseFile(fullPath, relativePath);
        if (parsed.Kind == ConversationFileKind.Unknown && parsed.Messages.Count == 0 && parsed.Problems.Count > 0)
        {
            return Failed($"its file '{relativePath}' could not be read: {parsed.Problems[0].Reason}");
        }

        var messages = new List<ExportMessage>(rows.Count);
        foreach (var row in rows)
        {
            var found = row.FilePosition is { } position && position >= 0 && position < parsed.Messages.Count ? parsed.Messages[position].Message : null;
            if (found is null || (found.MessageId is { } fileId ? fileId != row.MessageId : row.MessageId > 0))
            {
                return Failed($"its file '{relativePath}' no longer matches the database (it changed after the last sync). Run Invoke-HostawaySync, then export again.");
            }

            messages.Add(new ExportMessage(row.MessageId, StoreClock.Parse(row.SentAt), row.Direction == "guest", found.Body, row.FilePosition!.Value));
        }

        if (_wantsInfo)
        {
            // Names the file itself knows: its header's guest, and the senders of earlier tools' chat logs (hosts left out).
            var names = info.Names.ToList();
            names.Add(parsed.Header.GuestName);
            names.AddRange(parsed.Messages.Select(m => m.SenderName).Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(s => s is not null && !NamePattern.IsRoleOrPlace(s, info.ListingName ?? parsed.Header.ListingName)));
            info = new ConversationInfo
            {
                ConversationId = info.ConversationId, ReservationId = info.ReservationId, ListingId = info.ListingId, ListingName = info.ListingName,
                Channel = info.Channel, Source = info.Source, ArrivalDate = info.ArrivalDate, DepartureDate = info.DepartureDate, DoorCode = info.DoorCode, Names = names,
                ReviewId = info.ReviewId, ReviewRating = info.ReviewRating, ReviewCategories = info.ReviewCategories,
            };
        }

        return new SourceConversation(label, info, messages, null);

        SourceConversation Failed(string problem) => new(label, info, [], problem);
    }

    private ConversationInfo ReadInfo(MessageRow first)
    {
        var d = _query.Dialect;
        var row = _connection.QuerySingle<InfoRow>(
            $"""
            SELECT coalesce(c.reservation_id, k.reservation_id) AS ReservationId, coalesce(c.listing_id, r.listing_id, k.listing_id) AS ListingId,
                   l.name AS ListingName, r.channel_name AS Channel, r.source AS Source, {d.DateText("r.arrival_date")} AS ArrivalDate,
                   {d.DateText("r.departure_date")} AS DepartureDate, c.recipient_name AS RecipientName, r.guest_name AS GuestName,
                   r.guest_first_name AS GuestFirstName, r.guest_last_name AS GuestLastName, g.full_name AS GuestFullName,
                   g.first_name AS GuestRecordFirstName, g.last_name AS GuestRecordLastName,
                   {d.JsonText("l.raw_json", "contactName")} AS HostFirstName, {d.JsonText("l.raw_json", "contactSurName")} AS HostLastName,
                   {d.JsonText("r.raw_json", "doorCode")} AS DoorCode
            FROM (SELECT @Conversation AS conversation_id, @Reservation AS reservation_id, @Listing AS listing_id) k
            LEFT JOIN conversations c ON c.conversation_id = k.conversation_id
            LEFT JOIN reservations r ON r.reservation_id = coalesce(c.reservation_id, k.reservation_id)
            LEFT JOIN guests g ON g.guest_id = (SELECT coalesce(x.merged_into_guest_id, x.guest_id) FROM guests x WHERE x.guest_id = coalesce(r.guest_id, c.guest_id))
            LEFT JOIN listings l ON l.listing_id = coalesce(c.listing_id, r.listing_id, k.listing_id);
            """,
            new { Conversation = first.ConversationId, Reservation = first.ReservationId ?? first.ConversationReservationId, Listing = first.ListingId ?? first.ConversationListingId },
            _transaction);
        var (reviewId, rating, categories) = _withReviews && row.ReservationId is { } reservation ? GuestReview(reservation) : (null, null, []);
        return new ConversationInfo
        {
            ReviewId = reviewId,
            ReviewRating = rating,
            ReviewCategories = categories,
            ConversationId = first.ConversationId,
            ReservationId = row.ReservationId,
            ListingId = row.ListingId,
            ListingName = row.ListingName,
            Channel = row.Channel,
            Source = row.Source,
            ArrivalDate = Date(row.ArrivalDate),
            DepartureDate = Date(row.DepartureDate),
            DoorCode = row.DoorCode,
            Names = [row.RecipientName, row.GuestName, row.GuestFirstName, row.GuestLastName, row.GuestFullName, row.GuestRecordFirstName, row.GuestRecordLastName, row.HostFirstName, row.HostLastName],
        };
    }

    /// <summary>The stay's guest review: the rated one if any (the latest of those), else the latest; with its category ratings.</summary>
    private (long? Id, decimal? Rating, IReadOnlyList<(string, decimal?)> Categories) GuestReview(long reservationId)
    {
        var d = _query.Dialect;
        var reviews = _connection.Query<(long Id, double? Rating)>(
            $"""
            SELECT review_id, {d.Real("rating")} FROM reviews WHERE reservation_id = @Reservation AND type = 'guest-to-host' AND deleted_at IS NULL
            ORDER BY CASE WHEN rating IS NULL THEN 1 ELSE 0 END, review_id DESC LIMIT 1;
            """,
            new { Reservation = reservationId }, _transaction).AsList();
        if (reviews.Count == 0)
        {
            return (null, null, []);
        }

        var found = reviews[0];
        var categories = _connection.Query<(string Category, double? Rating)>(
                $"SELECT category, {d.Real("rating")} FROM review_categories WHERE review_id = @Id ORDER BY category;", new { found.Id }, _transaction)
            .Select(c => (c.Category, c.Rating is { } r ? (decimal?)(decimal)r : null)).ToList();
        return (found.Id, found.Rating is { } rating ? (decimal)rating : null, categories);
    }

    private static string? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private sealed class MessageRow
    {
        public long MessageId { get; set; }

        public long? ConversationId { get; set; }

        public long? ReservationId { get; set; }

        public long? ConversationReservationId { get; set; }

        public long? ListingId { get; set; }

        public long? ConversationListingId { get; set; }

        public string Direction { get; set; } = string.Empty;

        public string? SentAt { get; set; }

        public string? FilePath { get; set; }

        public int? FilePosition { get; set; }
    }

    private sealed class InfoRow
    {
        public long? ReservationId { get; set; }

        public long? ListingId { get; set; }

        public string? ListingName { get; set; }

        public string? Channel { get; set; }

        public string? Source { get; set; }

        public string? ArrivalDate { get; set; }

        public string? DepartureDate { get; set; }

        public string? RecipientName { get; set; }

        public string? GuestName { get; set; }

        public string? GuestFirstName { get; set; }

        public string? GuestLastName { get; set; }

        public string? GuestFullName { get; set; }

        public string? GuestRecordFirstName { get; set; }

        public string? GuestRecordLastName { get; set; }

        public string? HostFirstName { get; set; }

        public string? HostLastName { get; set; }

        public string? DoorCode { get; set; }
    }
}
