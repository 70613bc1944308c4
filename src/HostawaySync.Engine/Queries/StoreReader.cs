using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Queries;

/// <summary>
/// Read-only queries over the store. Results stream: each row is yielded as SQLite produces it, so the first
/// object reaches the pipeline before a large query finishes. WAL mode means a running sync never blocks them.
/// </summary>
public static class StoreReader
{
    /// <summary>Sync log rows, newest first.</summary>
    public static IEnumerable<SyncLogEntry> SyncLog(StoreLocation location, SyncLogFilter filter)
    {
        var sql = """
            SELECT sync_log_id, run_id, resource, mode, status, started_at, finished_at, duration_ms, created, updated, unchanged, deleted,
                   requests, retries, rate_limited, cursor_before, cursor_after, error_id, error_message, module_version
            FROM sync_logs
            WHERE (@RunId IS NULL OR run_id = @RunId)
              AND (@AnyResource OR lower(resource) IN @Resources)
              AND (@AnyStatus OR lower(status) IN @Statuses)
              AND (@Since IS NULL OR started_at >= @Since)
              AND (@Last IS NULL OR run_id IN (SELECT run_id FROM sync_logs WHERE resource = 'Run' ORDER BY sync_log_id DESC LIMIT @Last))
            ORDER BY sync_log_id DESC;
            """;
        var parameters = new
        {
            filter.RunId,
            AnyResource = filter.Resources is null || filter.Resources.Count == 0,
            Resources = (filter.Resources ?? []).Select(r => r.ToLowerInvariant()).ToArray(),
            AnyStatus = filter.Statuses is null || filter.Statuses.Count == 0,
            Statuses = (filter.Statuses ?? []).Select(s => s.ToLowerInvariant()).ToArray(),
            Since = StoreClock.Format(filter.Since),
            Last = filter.LastRuns,
        };
        using var connection = Open(location);
        foreach (var row in connection.Query<SyncLogRow>(sql, parameters, buffered: false))
        {
            yield return new SyncLogEntry
            {
                Id = row.sync_log_id, RunId = row.run_id, Resource = row.resource, Mode = row.mode, Status = row.status,
                StartedAt = StoreClock.Parse(row.started_at) ?? DateTime.MinValue, FinishedAt = StoreClock.Parse(row.finished_at),
                Duration = row.duration_ms is { } ms ? TimeSpan.FromMilliseconds(ms) : null, Created = (int)row.created, Updated = (int)row.updated,
                Unchanged = (int)row.unchanged, Deleted = (int)row.deleted, Requests = row.requests, Retries = row.retries, RateLimited = row.rate_limited,
                CursorBefore = row.cursor_before, CursorAfter = row.cursor_after, ErrorId = row.error_id, ErrorMessage = row.error_message, ModuleVersion = row.module_version,
            };
        }
    }

    /// <summary>Listings, by id.</summary>
    public static IEnumerable<ListingRecord> Listings(StoreLocation location, ListingFilter filter)
    {
        var query = new QueryBuilder();
        query.Raw("raw_json <> '{}'");
        query.In("listing_id", filter.Ids);
        query.Like("name", filter.Names);
        query.Like("city", filter.Cities);
        if (!filter.IncludeDeleted)
        {
            query.Raw("deleted_at IS NULL");
        }

        return Stream<ListingRecord>(location, """
            SELECT listing_id AS ListingId, name AS Name, internal_name AS InternalName, address AS Address, city AS City, country AS Country,
                   bedrooms AS Bedrooms, bathrooms AS Bathrooms, person_capacity AS PersonCapacity, price AS Price, currency_code AS CurrencyCode,
                   time_zone AS TimeZone, special_status AS SpecialStatus, photo_count AS PhotoCount,
                   replace(replace(latest_activity_on, 'T', ' '), 'Z', '') AS LatestActivityOn, replace(replace(deleted_at, 'T', ' '), 'Z', '') AS DeletedAt
            FROM listings
            """ + query.Where + " ORDER BY listing_id;", query);
    }

    /// <summary>Listing photos, by listing then gallery position.</summary>
    public static IEnumerable<ListingPhotoRecord> ListingPhotos(StoreLocation location, ListingPhotoFilter filter)
    {
        var query = new QueryBuilder();
        query.In("p.photo_id", filter.PhotoIds);
        query.In("p.listing_id", filter.ListingIds);
        query.Like("l.name", filter.ListingNames);
        if (!filter.IncludeDeleted)
        {
            query.Raw("l.deleted_at IS NULL");
        }

        return Stream<ListingPhotoRecord>(location, """
            SELECT p.photo_id AS PhotoId, p.listing_id AS ListingId, l.name AS ListingName, p.sort_order AS SortOrder, p.url AS Url,
                   p.caption AS Caption, p.airbnb_caption AS AirbnbCaption, p.vrbo_caption AS VrboCaption,
                   p.booking_engine_caption AS BookingEngineCaption,
                   replace(replace(l.deleted_at, 'T', ' '), 'Z', '') AS ListingDeletedAt, replace(replace(p.updated_at, 'T', ' '), 'Z', '') AS UpdatedAt
            FROM listing_photos p JOIN listings l ON l.listing_id = p.listing_id
            """ + query.Where + " ORDER BY p.listing_id, p.sort_order, p.photo_id;", query);
    }

    /// <summary>Reservations, by arrival date then id.</summary>
    public static IEnumerable<ReservationRecord> Reservations(StoreLocation location, ReservationFilter filter)
    {
        var query = new QueryBuilder();
        query.In("reservation_id", filter.Ids);
        query.In("listing_id", filter.ListingIds);
        query.In("guest_id", filter.GuestIds);
        query.In("lower(status)", filter.Statuses?.Select(s => s.ToLowerInvariant()).ToList());
        query.Compare("arrival_date", ">=", StoreClock.Format(filter.ArrivalFrom));
        query.Compare("arrival_date", "<=", StoreClock.Format(filter.ArrivalTo));
        if (!filter.IncludeDeleted)
        {
            query.Raw("deleted_at IS NULL");
        }

        return Stream<ReservationRecord>(location, """
            SELECT reservation_id AS ReservationId, listing_id AS ListingId, guest_id AS GuestId, channel_name AS ChannelName, status AS Status,
                   arrival_date AS ArrivalDate, departure_date AS DepartureDate, nights AS Nights, number_of_guests AS NumberOfGuests,
                   total_price AS TotalPrice, currency AS Currency, guest_name AS GuestName, guest_email AS GuestEmail,
                   confirmation_code AS ConfirmationCode, replace(replace(reservation_date, 'T', ' '), 'Z', '') AS ReservationDate,
                   replace(replace(updated_on, 'T', ' '), 'Z', '') AS UpdatedOn, replace(replace(deleted_at, 'T', ' '), 'Z', '') AS DeletedAt
            FROM reservations
            """ + query.Where + " ORDER BY arrival_date, reservation_id;", query);
    }

    /// <summary>Guests (merged guests resolve to the guest they were merged into), by id.</summary>
    public static IEnumerable<GuestRecord> Guests(StoreLocation location, GuestFilter filter)
    {
        var query = new QueryBuilder();
        query.Raw("merged_into_guest_id IS NULL");
        if (filter.Ids is { Count: > 0 })
        {
            query.Raw("guest_id IN (SELECT coalesce(merged_into_guest_id, guest_id) FROM guests WHERE guest_id IN (SELECT value FROM json_each(@ids)))");
            query.Parameters.Add("@ids", System.Text.Json.JsonSerializer.Serialize(filter.Ids));
        }

        query.Like("full_name", filter.Names);
        query.Like("email", filter.Emails);
        return Stream<GuestRecord>(location, """
            SELECT guest_id AS GuestId, full_name AS FullName, email AS Email, phone AS Phone, external_account_id AS ExternalAccountId,
                   city AS City, country AS Country, reservation_count AS ReservationCount, first_arrival_date AS FirstArrivalDate,
                   last_arrival_date AS LastArrivalDate
            FROM guests
            """ + query.Where + " ORDER BY guest_id;", query);
    }

    /// <summary>Conversations, by id.</summary>
    public static IEnumerable<ConversationRecord> Conversations(StoreLocation location, ConversationFilter filter)
    {
        var query = new QueryBuilder();
        query.In("conversation_id", filter.Ids);
        query.In("reservation_id", filter.ReservationIds);
        query.In("listing_id", filter.ListingIds);
        query.In("guest_id", filter.GuestIds);
        if (!filter.IncludeDeleted)
        {
            query.Raw("deleted_at IS NULL");
        }

        return Stream<ConversationRecord>(location, """
            SELECT conversation_id AS ConversationId, reservation_id AS ReservationId, listing_id AS ListingId, guest_id AS GuestId,
                   recipient_name AS RecipientName, type AS Type, message_count AS MessageCount,
                   replace(replace(message_sent_on, 'T', ' '), 'Z', '') AS MessageSentOn, replace(replace(message_received_on, 'T', ' '), 'Z', '') AS MessageReceivedOn,
                   file_path AS FilePath, replace(replace(deleted_at, 'T', ' '), 'Z', '') AS DeletedAt
            FROM conversations
            """ + query.Where + " ORDER BY conversation_id;", query);
    }

    /// <summary>
    /// Messages in conversation order (conversation, then position in its file). With <paramref name="conversationsRoot"/>,
    /// each message's text is read from its conversation file (each file is read once).
    /// </summary>
    public static IEnumerable<MessageRecord> Messages(StoreLocation location, MessageFilter filter, string? conversationsRoot = null)
    {
        var query = new QueryBuilder();
        query.In("conversation_id", filter.ConversationIds);
        query.In("reservation_id", filter.ReservationIds);
        query.In("listing_id", filter.ListingIds);
        query.Compare("direction", "=", filter.Direction?.ToLowerInvariant());
        query.Compare("sent_at", ">=", StoreClock.Format(filter.Since));
        query.Compare("sent_at", "<", StoreClock.Format(filter.Until));
        var rows = Stream<MessageRecord>(location, """
            SELECT message_id AS MessageId, conversation_id AS ConversationId, reservation_id AS ReservationId, listing_id AS ListingId,
                   direction AS Direction, replace(replace(sent_at, 'T', ' '), 'Z', '') AS SentAt, communication_type AS CommunicationType,
                   status AS Status, body_length AS BodyLength, file_path AS FilePath, file_position AS FilePosition
            FROM messages_metadata
            """ + query.Where + " ORDER BY coalesce(conversation_id, 0), file_path, file_position, message_id;", query);
        return conversationsRoot is null ? rows : WithText(rows, new HostawaySync.Engine.Conversations.ConversationFileStore(conversationsRoot));
    }

    /// <summary>
    /// Full-text search over message text, best match first (FTS5 bm25). With <paramref name="conversationsRoot"/>, each
    /// result has a snippet (and with <see cref="MessageSearchFilter.IncludeText"/> its text) read from its conversation
    /// file, each file read once. Check <see cref="SearchIndexState"/> first: results are incomplete while it is not Complete.
    /// </summary>
    /// <exception cref="HostawayException">The query is empty or not valid (<see cref="ErrorIds.SearchQueryInvalid"/>; thrown at once), or the database is missing.</exception>
    public static IEnumerable<MessageSearchRecord> SearchMessages(StoreLocation location, MessageSearchFilter filter, string? conversationsRoot = null) =>
        MessageSearcher.Search(location, filter, conversationsRoot);

    /// <summary>Whether the search index covers every stored message.</summary>
    public static MessageSearchIndexState SearchIndexState(StoreLocation location)
    {
        using var connection = Open(location);
        return MessageSearcher.State(connection);
    }

    private static IEnumerable<MessageRecord> WithText(IEnumerable<MessageRecord> rows, HostawaySync.Engine.Conversations.ConversationFileStore files)
    {
        string? currentPath = null;
        IReadOnlyList<HostawaySync.Engine.Conversations.ParsedConversationMessage> parsed = [];
        foreach (var row in rows)
        {
            if (row.FilePath is { } path && !string.Equals(path, currentPath, StringComparison.Ordinal))
            {
                currentPath = path;
                parsed = HostawaySync.Engine.Conversations.ConversationTexts.Read(files.Paths, path, out _) ?? [];
            }

            row.Text = row.FilePath is null ? null : HostawaySync.Engine.Conversations.ConversationTexts.TextOf(parsed, row.MessageId, row.FilePosition);
            yield return row;
        }
    }

    private static IEnumerable<T> Stream<T>(StoreLocation location, string sql, QueryBuilder query)
    {
        using var connection = Open(location);
        foreach (var row in connection.Query<T>(sql, query.Parameters, buffered: false))
        {
            yield return row;
        }
    }

    /// <summary>Opens the database read-only; a missing or unusable database is a <see cref="HostawayException"/>.</summary>
    internal static SqliteConnection Open(StoreLocation location)
    {
        UtcDateTimeHandler.EnsureRegistered();
        return StoreConnection.OpenExisting(SqlitePath(location));
    }

    /// <summary>The SQLite file of <paramref name="location"/>. PostgreSQL reads are not wired in yet.</summary>
    internal static string SqlitePath(StoreLocation location) => location switch
    {
        SqliteStoreLocation sqlite => sqlite.Path,
        _ => throw new NotSupportedException("Reading a PostgreSQL store is not wired in yet."),
    };

#pragma warning disable IDE1006, CA1707 // Column names as SQLite returns them.
    private sealed record SyncLogRow(
        long sync_log_id, string run_id, string resource, string mode, string status, string started_at, string? finished_at, long? duration_ms,
        long created, long updated, long unchanged, long deleted, long requests, long retries, long rate_limited, string? cursor_before,
        string? cursor_after, string? error_id, string? error_message, string? module_version);
#pragma warning restore IDE1006, CA1707
}
