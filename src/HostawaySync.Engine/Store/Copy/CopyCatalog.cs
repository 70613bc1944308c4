namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// The tables a copy carries, in an order that satisfies their foreign keys (a row's parents are copied before it).
/// The columns are not listed here: each store says what it has (a test checks that both stores' tables are exactly
/// these plus schema_migrations, which each store keeps for itself, message_search, which is built from the files, and
/// review_search, which is built from the copied reviews).
/// </summary>
internal static class CopyCatalog
{
    /// <summary>The tables, parents first.</summary>
    public static IReadOnlyList<CopyTable> Tables { get; } =
    [
        new("listings", ["listing_id"]),
        new("listing_photos", ["photo_id"]),
        new("guests", ["guest_id"], SelfReference: "merged_into_guest_id", Identity: "guest_id"),
        new("guest_identity_keys", ["key_type", "key_value"]),
        new("guest_merges", ["merge_id"], Identity: "merge_id"),
        new("reservations", ["reservation_id"]),
        new("conversations", ["conversation_id"]),
        new("reviews", ["review_id"]),
        new("review_categories", ["review_id", "category"]),
        new("messages_metadata", ["message_id"]),
        new("conversation_file_index", ["file_path"]),
        new("sync_state", ["resource"]),
        new("sync_seen", ["resource", "object_id"]),
        new("sync_logs", ["sync_log_id"], Identity: "sync_log_id"),
    ];

    /// <summary>Tables of the schema the copy does not carry: each store's own migration history, and the search index.</summary>
    public static IReadOnlyList<string> NotCopied { get; } = ["schema_migrations", "message_search", ReviewSearchTable];

    /// <summary>
    /// PostgreSQL's part of the search index that SQLite keeps inside its FTS5 table: bm25's collection totals. Not copied
    /// either; a destination's are reset with its index and counted again as the index is built from the files.
    /// </summary>
    public static IReadOnlyList<string> PostgresSearchTotals { get; } = ["message_search_totals", "review_search_totals"];

    /// <summary>The search index, emptied with the rest when a copy replaces a destination's data.</summary>
    public const string SearchTable = "message_search";

    /// <summary>The review search index: emptied with the rest, and rebuilt from the copied reviews in the copy's transaction.</summary>
    public const string ReviewSearchTable = "review_search";
}
