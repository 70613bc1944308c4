using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;

namespace HostawaySync.Engine.Queries;

/// <summary>
/// Read-only queries over the store, SQLite or PostgreSQL (the same records, values and order from either; each query is
/// written once from its <see cref="ReadDialect"/>). Results stream: each row is yielded as the database produces it, so
/// the first object reaches the pipeline before a large query finishes. A running sync never blocks them (SQLite's WAL
/// mode, PostgreSQL's MVCC).
/// </summary>
public static class StoreReader
{
    /// <summary>Sync log rows, newest first.</summary>
    public static IEnumerable<SyncLogEntry> SyncLog(StoreLocation location, SyncLogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new QueryBuilder(ReadDialect.For(location));
        var d = query.Dialect;
        query.Compare("run_id", "=", filter.RunId);
        query.InIgnoringCase("resource", filter.Resources);
        query.InIgnoringCase("status", filter.Statuses);
        query.Compare("started_at", ">=", d.Instant(filter.Since));
        if (filter.LastRuns is { } last)
        {
            query.Raw($"run_id IN (SELECT run_id FROM sync_logs WHERE resource = 'Run' ORDER BY sync_log_id DESC LIMIT {query.Add(last)})");
        }

        // A database not upgraded yet has no pace columns: its rows are read with none.
        var rows = Stream<SyncLogRow>(query, d.HasSyncLogPaceSql, hasPace => $"""
            SELECT sync_log_id AS Id, run_id AS RunId, resource AS Resource, mode AS Mode, status AS Status, {d.InstantText("started_at")} AS StartedAt,
                   {d.InstantText("finished_at")} AS FinishedAt, duration_ms AS DurationMs, created AS Created, updated AS Updated, unchanged AS Unchanged,
                   deleted AS Deleted, requests AS Requests, retries AS Retries, rate_limited AS RateLimited, cursor_before AS CursorBefore,
                   cursor_after AS CursorAfter, error_id AS ErrorId, error_message AS ErrorMessage, module_version AS ModuleVersion,
                   {(hasPace ? "requests_per_10s AS RequestsPer10Seconds, rate_limit_source AS RateLimitSource" : "NULL AS RequestsPer10Seconds, NULL AS RateLimitSource")}
            FROM sync_logs
            """ + query.Where + " ORDER BY sync_log_id DESC;");
        foreach (var row in rows)
        {
            yield return new SyncLogEntry
            {
                Id = row.Id, RunId = row.RunId, Resource = row.Resource, Mode = row.Mode, Status = row.Status,
                StartedAt = StoreClock.Parse(row.StartedAt) ?? DateTime.MinValue, FinishedAt = StoreClock.Parse(row.FinishedAt),
                Duration = row.DurationMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, Created = (int)row.Created, Updated = (int)row.Updated,
                Unchanged = (int)row.Unchanged, Deleted = (int)row.Deleted, Requests = row.Requests, Retries = row.Retries, RateLimited = row.RateLimited,
                CursorBefore = row.CursorBefore, CursorAfter = row.CursorAfter, ErrorId = row.ErrorId, ErrorMessage = row.ErrorMessage, ModuleVersion = row.ModuleVersion,
                RequestsPer10Seconds = row.RequestsPer10Seconds is { } budget ? (int)budget : null, RateLimitSource = row.RateLimitSource,
            };
        }
    }

    /// <summary>Listings, by id.</summary>
    public static IEnumerable<ListingRecord> Listings(StoreLocation location, ListingFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new QueryBuilder(ReadDialect.For(location));
        var d = query.Dialect;
        query.Raw("raw_json <> '{}'");
        query.In("listing_id", filter.Ids);
        query.Like("name", filter.Names);
        query.Like("city", filter.Cities);
        if (!filter.IncludeDeleted)
        {
            query.Raw("deleted_at IS NULL");
        }

        return Stream<ListingRecord>(query, hasReviews => $"""
            SELECT listing_id AS ListingId, name AS Name, internal_name AS InternalName, address AS Address, city AS City, country AS Country,
                   bedrooms AS Bedrooms, {d.Real("bathrooms")} AS Bathrooms, person_capacity AS PersonCapacity, {d.Real("price")} AS Price,
                   currency_code AS CurrencyCode, time_zone AS TimeZone, special_status AS SpecialStatus, photo_count AS PhotoCount,
                   {d.InstantColumn("latest_activity_on")} AS LatestActivityOn, {d.InstantColumn("deleted_at")} AS DeletedAt,
                   {ReviewFigures(d, hasReviews, "listings", "listing_id", "v.listing_id", "reviews v")}
            """ + query.Where + " ORDER BY listing_id;");
    }

    /// <summary>Listing photos, by listing then gallery position.</summary>
    public static IEnumerable<ListingPhotoRecord> ListingPhotos(StoreLocation location, ListingPhotoFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new QueryBuilder(ReadDialect.For(location));
        var d = query.Dialect;
        query.In("p.photo_id", filter.PhotoIds);
        query.In("p.listing_id", filter.ListingIds);
        query.Like("l.name", filter.ListingNames);
        if (!filter.IncludeDeleted)
        {
            query.Raw("l.deleted_at IS NULL");
        }

        return Stream<ListingPhotoRecord>(query, $"""
            SELECT p.photo_id AS PhotoId, p.listing_id AS ListingId, l.name AS ListingName, p.sort_order AS SortOrder, p.url AS Url,
                   p.caption AS Caption, p.airbnb_caption AS AirbnbCaption, p.vrbo_caption AS VrboCaption,
                   p.booking_engine_caption AS BookingEngineCaption,
                   {d.InstantColumn("l.deleted_at")} AS ListingDeletedAt, {d.InstantColumn("p.updated_at")} AS UpdatedAt
            FROM listing_photos p JOIN listings l ON l.listing_id = p.listing_id
            """ + query.Where + $" ORDER BY p.listing_id, {d.Ascending("p.sort_order")}, p.photo_id;");
    }

    /// <summary>Reservations, by arrival date then id.</summary>
    public static IEnumerable<ReservationRecord> Reservations(StoreLocation location, ReservationFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new QueryBuilder(ReadDialect.For(location));
        var d = query.Dialect;
        query.In("reservation_id", filter.Ids);
        query.In("listing_id", filter.ListingIds);
        query.In("guest_id", filter.GuestIds);
        query.InIgnoringCase("status", filter.Statuses);
        query.Compare("arrival_date", ">=", d.Date(filter.ArrivalFrom));
        query.Compare("arrival_date", "<=", d.Date(filter.ArrivalTo));
        if (!filter.IncludeDeleted)
        {
            query.Raw("deleted_at IS NULL");
        }

        return Stream<ReservationRecord>(query, $"""
            SELECT reservation_id AS ReservationId, listing_id AS ListingId, guest_id AS GuestId, channel_name AS ChannelName, status AS Status,
                   arrival_date AS ArrivalDate, departure_date AS DepartureDate, nights AS Nights, number_of_guests AS NumberOfGuests,
                   {d.Real("total_price")} AS TotalPrice, currency AS Currency, guest_name AS GuestName, guest_email AS GuestEmail,
                   confirmation_code AS ConfirmationCode, {d.InstantColumn("reservation_date")} AS ReservationDate,
                   {d.InstantColumn("updated_on")} AS UpdatedOn, {d.InstantColumn("deleted_at")} AS DeletedAt
            FROM reservations
            """ + query.Where + $" ORDER BY {d.Ascending("arrival_date")}, reservation_id;");
    }

    /// <summary>Guests (merged guests resolve to the guest they were merged into), by id; a guest whose reservations are all deleted only with <see cref="GuestFilter.IncludeDeleted"/>.</summary>
    public static IEnumerable<GuestRecord> Guests(StoreLocation location, GuestFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new QueryBuilder(ReadDialect.For(location));
        var d = query.Dialect;
        query.Raw("merged_into_guest_id IS NULL");
        if (filter.Ids is { Count: > 0 })
        {
            query.Raw($"guest_id IN (SELECT coalesce(merged_into_guest_id, guest_id) FROM guests WHERE {d.In("guest_id", query.Add(d.Ids(filter.Ids)))})");
        }

        query.Like("full_name", filter.Names);
        query.Like("email", filter.Emails);
        if (!filter.IncludeDeleted)
        {
            query.Raw(LiveRows.Guest("guests"));
        }

        return Stream<GuestRecord>(query, hasReviews => $"""
            SELECT guest_id AS GuestId, full_name AS FullName, email AS Email, phone AS Phone, external_account_id AS ExternalAccountId,
                   city AS City, country AS Country, reservation_count AS ReservationCount, first_arrival_date AS FirstArrivalDate,
                   last_arrival_date AS LastArrivalDate,
                   {ReviewFigures(d, hasReviews, "guests", "guest_id", "coalesce(rg.merged_into_guest_id, rr.guest_id)",
                       "reviews v JOIN reservations rr ON rr.reservation_id = v.reservation_id LEFT JOIN guests rg ON rg.guest_id = rr.guest_id")}
            """ + query.Where + " ORDER BY guest_id;");
    }

    /// <summary>
    /// Reviews, by departure then id, each with its category ratings (read in the same snapshot). Reviews the API no longer
    /// lists, and reviews of deleted reservations, only with <see cref="ReviewFilter.IncludeDeleted"/> (<see cref="LiveRows"/>).
    /// A database not yet upgraded to hold reviews has none.
    /// </summary>
    public static IEnumerable<ReviewRecord> Reviews(StoreLocation location, ReviewFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new QueryBuilder(ReadDialect.For(location));
        var d = query.Dialect;
        query.In("v.review_id", filter.Ids);
        query.In("v.listing_id", filter.ListingIds);
        query.In("v.reservation_id", filter.ReservationIds);
        if (filter.GuestIds is { Count: > 0 })
        {
            query.Raw($"coalesce(mg.merged_into_guest_id, r.guest_id) IN (SELECT coalesce(merged_into_guest_id, guest_id) FROM guests WHERE {d.In("guest_id", query.Add(d.Ids(filter.GuestIds)))})");
        }

        query.InIgnoringCase("v.type", filter.Types);
        query.InIgnoringCase("v.status", filter.Statuses);
        query.Compare("v.rating", ">=", filter.MinRating);
        query.Compare("v.rating", "<=", filter.MaxRating);
        query.Compare("v.departure_at", ">=", d.Instant(filter.Since));
        query.Compare("v.departure_at", "<", d.Instant(filter.Until));
        if (!filter.IncludeDeleted)
        {
            query.Raw(LiveRows.Review("v"));
        }

        const string from = """
            FROM reviews v
            LEFT JOIN listings l ON l.listing_id = v.listing_id
            LEFT JOIN reservations r ON r.reservation_id = v.reservation_id
            LEFT JOIN guests mg ON mg.guest_id = r.guest_id
            LEFT JOIN guests g ON g.guest_id = coalesce(mg.merged_into_guest_id, mg.guest_id)
            """;
        using var connection = d.Open();
        using var snapshot = d.BeginSnapshot(connection);
        if (connection.ExecuteScalar<long>(d.HasReviewsSql, transaction: snapshot) == 0)
        {
            yield break;
        }

        var categories = d.Rows<ReviewCategoryRow>(connection, snapshot, $"""
            SELECT c.review_id AS ReviewId, c.category AS Category, {d.Real("c.rating")} AS Rating
            FROM review_categories c
            WHERE c.review_id IN (SELECT v.review_id {from} {query.Where})
            ORDER BY c.review_id, {d.Ascending("c.category", text: true)};
            """, query.Parameters).ToLookup(c => c.ReviewId, c => new ReviewCategoryRating(c.Category, c.Rating));
        var rows = d.Rows<ReviewRecord>(connection, snapshot, $"""
            SELECT v.review_id AS ReviewId, v.listing_id AS ListingId, coalesce(l.name, v.listing_name) AS ListingName, v.reservation_id AS ReservationId,
                   coalesce(mg.merged_into_guest_id, r.guest_id) AS GuestId, coalesce(g.full_name, r.guest_name, v.guest_name) AS GuestName,
                   v.channel_id AS ChannelId, r.channel_name AS ChannelName, v.type AS Type, v.status AS Status, {d.Real("v.rating")} AS Rating,
                   v.public_review AS PublicReview, v.private_feedback AS PrivateFeedback, v.reviewee_response AS RevieweeResponse,
                   CAST(v.is_reviewee_recommended AS INTEGER) AS RecommendedFlag, CAST(v.is_cancelled AS INTEGER) AS CancelledFlag,
                   {d.InstantColumn("v.arrival_at")} AS ArrivalAt, {d.InstantColumn("v.departure_at")} AS DepartureAt,
                   {d.InstantColumn("v.scheduled_at")} AS ScheduledAt, v.external_review_id AS ExternalReviewId, {d.InstantColumn("v.deleted_at")} AS DeletedAt
            {from}
            """ + query.Where + $" ORDER BY {d.Ascending("v.departure_at")}, v.review_id;", query.Parameters);
        foreach (var row in rows)
        {
            row.CategoryRatings = [.. categories[row.ReviewId]];
            yield return row;
        }
    }

    /// <summary>Conversations, by id; those of deleted reservations count as deleted (<see cref="LiveRows"/>).</summary>
    public static IEnumerable<ConversationRecord> Conversations(StoreLocation location, ConversationFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new QueryBuilder(ReadDialect.For(location));
        var d = query.Dialect;
        query.In("conversation_id", filter.Ids);
        query.In("reservation_id", filter.ReservationIds);
        query.In("listing_id", filter.ListingIds);
        query.In("guest_id", filter.GuestIds);
        if (!filter.IncludeDeleted)
        {
            query.Raw(LiveRows.Conversation("conversations"));
        }

        return Stream<ConversationRecord>(query, $"""
            SELECT conversation_id AS ConversationId, reservation_id AS ReservationId, listing_id AS ListingId, guest_id AS GuestId,
                   recipient_name AS RecipientName, type AS Type, message_count AS MessageCount,
                   {d.InstantColumn("message_sent_on")} AS MessageSentOn, {d.InstantColumn("message_received_on")} AS MessageReceivedOn,
                   file_path AS FilePath, {d.InstantColumn("deleted_at")} AS DeletedAt
            FROM conversations
            """ + query.Where + " ORDER BY conversation_id;");
    }

    /// <summary>
    /// Messages in conversation order (conversation, then position in its file). With <paramref name="conversationsRoot"/>,
    /// each message's text is read from its conversation file (each file is read once). Messages of deleted conversations or
    /// reservations only with <see cref="MessageFilter.IncludeDeleted"/> (<see cref="LiveRows"/>).
    /// </summary>
    public static IEnumerable<MessageRecord> Messages(StoreLocation location, MessageFilter filter, string? conversationsRoot = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new QueryBuilder(ReadDialect.For(location));
        var d = query.Dialect;
        query.In("conversation_id", filter.ConversationIds);
        query.In("reservation_id", filter.ReservationIds);
        query.In("listing_id", filter.ListingIds);
        query.Compare("direction", "=", filter.Direction?.ToLowerInvariant());
        query.Compare("sent_at", ">=", d.Instant(filter.Since));
        query.Compare("sent_at", "<", d.Instant(filter.Until));
        if (!filter.IncludeDeleted)
        {
            query.Raw(LiveRows.Message("messages_metadata"));
        }

        var rows = Stream<MessageRecord>(query, $"""
            SELECT message_id AS MessageId, conversation_id AS ConversationId, reservation_id AS ReservationId, listing_id AS ListingId,
                   direction AS Direction, {d.InstantColumn("sent_at")} AS SentAt, communication_type AS CommunicationType,
                   status AS Status, body_length AS BodyLength, file_path AS FilePath, file_position AS FilePosition
            FROM messages_metadata
            """ + query.Where + $" ORDER BY coalesce(conversation_id, 0), {d.Ascending("file_path", text: true)}, {d.Ascending("file_position")}, message_id;");
        return conversationsRoot is null ? rows : WithText(rows, new HostawaySync.Engine.Conversations.ConversationFolder(conversationsRoot));
    }

    /// <summary>
    /// Full-text search over message text, best match first (bm25, as SQLite's FTS5 computes it, on either store). With
    /// <paramref name="conversationsRoot"/>, each result has a snippet (and with <see cref="MessageSearchFilter.IncludeText"/>
    /// its text) read from its conversation file, each file read once. Check <see cref="SearchIndexState"/> first: results
    /// are incomplete while it is not Complete.
    /// </summary>
    /// <exception cref="HostawayException">
    /// The query is empty or not valid, or raw FTS5 syntax was asked of a PostgreSQL store (<see cref="ErrorIds.SearchQueryInvalid"/>;
    /// thrown at once), or the database is missing.
    /// </exception>
    public static IEnumerable<MessageSearchRecord> SearchMessages(StoreLocation location, MessageSearchFilter filter, string? conversationsRoot = null) =>
        MessageSearcher.Search(location, filter, conversationsRoot);

    /// <summary>
    /// Full-text search over review text (public review, private feedback, response) with the message search's query
    /// language, best match first (bm25, the same on either store), each result with a snippet and its texts. A database
    /// not upgraded to hold reviews yet has none to find.
    /// </summary>
    /// <exception cref="HostawayException">
    /// The query is empty or not valid, or raw FTS5 syntax was asked of a PostgreSQL store (<see cref="ErrorIds.SearchQueryInvalid"/>;
    /// thrown at once), or the database is missing.
    /// </exception>
    public static IEnumerable<ReviewSearchRecord> SearchReviews(StoreLocation location, ReviewSearchFilter filter) =>
        ReviewSearcher.Search(location, filter);

    /// <summary>Whether the search index covers every stored message.</summary>
    public static MessageSearchIndexState SearchIndexState(StoreLocation location)
    {
        var dialect = ReadDialect.For(location);
        using var connection = dialect.Open();
        return MessageSearcher.State(connection, dialect);
    }

    private static IEnumerable<MessageRecord> WithText(IEnumerable<MessageRecord> rows, HostawaySync.Engine.Conversations.ConversationFolder files)
    {
        string? currentPath = null;
        IReadOnlyList<HostawaySync.Engine.Conversations.ParsedConversationMessage> parsed = [];
        foreach (var row in rows)
        {
            if (row.FilePath is { } path && !string.Equals(path, currentPath, StringComparison.Ordinal))
            {
                currentPath = path;
                parsed = HostawaySync.Engine.Conversations.MessageTextReader.Read(files.Paths, path, out _) ?? [];
            }

            row.Text = row.FilePath is null ? null : HostawaySync.Engine.Conversations.MessageTextReader.TextOf(parsed, row.MessageId, row.FilePosition);
            yield return row;
        }
    }

    /// <summary>
    /// The review figures of a listing or guest query (ReviewCount, AverageRating) and its FROM clause: the live guest-to-host
    /// reviews that have a rating, grouped by <paramref name="key"/> over <paramref name="source"/> and joined to
    /// <paramref name="table"/> on <paramref name="column"/>, all in the one query; 0 and null from a database without reviews.
    /// </summary>
    private static string ReviewFigures(ReadDialect d, bool hasReviews, string table, string column, string key, string source) =>
        hasReviews
            ? $"""
                coalesce(rf.review_count, 0) AS ReviewCount, {d.Real("rf.average_rating")} AS AverageRating
                FROM {table} LEFT JOIN (
                    SELECT {key} AS reviewed_id, count(*) AS review_count, round(avg(v.rating), 2) AS average_rating
                    FROM {source}
                    WHERE {d.Lower("v.type")} = 'guest-to-host' AND v.rating IS NOT NULL AND {LiveRows.Review("v")}
                    GROUP BY {key}) rf ON rf.reviewed_id = {table}.{column}
                """
            : $"0 AS ReviewCount, NULL AS AverageRating FROM {table}";

    private static IEnumerable<T> Stream<T>(QueryBuilder query, Func<bool, string> sql) => Stream<T>(query, query.Dialect.HasReviewsSql, sql);

    /// <summary>The rows of <paramref name="sql"/>, given whether the store has what <paramref name="probe"/> (a query that counts it) asks about.</summary>
    private static IEnumerable<T> Stream<T>(QueryBuilder query, string probe, Func<bool, string> sql)
    {
        using var connection = query.Dialect.Open();
        var has = connection.ExecuteScalar<long>(probe) != 0;
        foreach (var row in connection.Query<T>(sql(has), query.Parameters, buffered: false))
        {
            yield return row;
        }
    }

    private static IEnumerable<T> Stream<T>(QueryBuilder query, string sql)
    {
        using var connection = query.Dialect.Open();
        foreach (var row in connection.Query<T>(sql, query.Parameters, buffered: false))
        {
            yield return row;
        }
    }

    private sealed class ReviewCategoryRow
    {
        public long ReviewId { get; set; }

        public string Category { get; set; } = string.Empty;

        public double? Rating { get; set; }
    }

    private sealed class SyncLogRow
    {
        public long Id { get; set; }

        public string RunId { get; set; } = string.Empty;

        public string Resource { get; set; } = string.Empty;

        public string Mode { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public string? StartedAt { get; set; }

        public string? FinishedAt { get; set; }

        public long? DurationMs { get; set; }

        public long Created { get; set; }

        public long Updated { get; set; }

        public long Unchanged { get; set; }

        public long Deleted { get; set; }

        public long Requests { get; set; }

        public long Retries { get; set; }

        public long RateLimited { get; set; }

        public string? CursorBefore { get; set; }

        public string? CursorAfter { get; set; }

        public string? ErrorId { get; set; }

        public string? ErrorMessage { get; set; }

        public string? ModuleVersion { get; set; }

        public long? RequestsPer10Seconds { get; set; }

        public string? RateLimitSource { get; set; }
    }
}
