using HostawaySync.Engine.Store.Copy;

namespace HostawaySync.Output;

/// <summary>
/// What Copy-HostawayDatabase returns: the two stores (never with a password), the rows of each table copied, how long
/// it took, and where the search index stands. Flat columns, one per table, so it exports to CSV as it is.
/// </summary>
public sealed class HostawayDatabaseCopy
{
    /// <summary>The database copied from: its file path, or its PostgreSQL URL without the password.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The database copied into: its file path, or its PostgreSQL URL without the password.</summary>
    public string Destination { get; init; } = string.Empty;

    /// <summary>Tables copied.</summary>
    public int Tables { get; init; }

    /// <summary>Rows copied, every table together.</summary>
    public long Rows { get; init; }

    /// <summary>Rows of listings.</summary>
    public long Listings { get; init; }

    /// <summary>Rows of listing_photos.</summary>
    public long ListingPhotos { get; init; }

    /// <summary>Rows of guests.</summary>
    public long Guests { get; init; }

    /// <summary>Rows of guest_identity_keys (how reservations are matched to guests).</summary>
    public long GuestIdentityKeys { get; init; }

    /// <summary>Rows of guest_merges.</summary>
    public long GuestMerges { get; init; }

    /// <summary>Rows of reservations.</summary>
    public long Reservations { get; init; }

    /// <summary>Rows of conversations.</summary>
    public long Conversations { get; init; }

    /// <summary>Rows of messages_metadata.</summary>
    public long Messages { get; init; }

    /// <summary>Reviews copied.</summary>
    public long Reviews { get; init; }

    /// <summary>Review category ratings copied.</summary>
    public long ReviewCategories { get; init; }

    /// <summary>Rows of conversation_file_index (files of earlier tools).</summary>
    public long ConversationFiles { get; init; }

    /// <summary>Rows of sync_state (cursors and checkpoints).</summary>
    public long SyncState { get; init; }

    /// <summary>Rows of sync_seen (ids a full pass in progress has seen).</summary>
    public long SyncSeen { get; init; }

    /// <summary>Rows of sync_logs.</summary>
    public long SyncLogs { get; init; }

    /// <summary>Rows of HostawaySync data the destination held before and the copy replaced (-Force); 0 when it had none.</summary>
    public long ReplacedRows { get; init; }

    /// <summary>From opening the source to the commit of the copy (the search index build not included).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Rows copied per second of <see cref="Duration"/>.</summary>
    public double RowsPerSecond { get; init; }

    /// <summary>NotNeeded (no messages), Built (from the conversation files), or Pending (the destination's next sync builds it).</summary>
    public string SearchIndex { get; init; } = string.Empty;

    /// <summary>Messages put into the search index after the copy.</summary>
    public long MessagesIndexed { get; init; }

    /// <summary>How long building the search index took.</summary>
    public TimeSpan SearchIndexDuration { get; init; }

    internal static HostawayDatabaseCopy From(StoreCopyResult result)
    {
        var rows = result.Tables.ToDictionary(t => t.Table, t => t.Rows, StringComparer.Ordinal);
        long Of(string table) => rows.GetValueOrDefault(table);
        return new HostawayDatabaseCopy
        {
            Source = result.Source,
            Destination = result.Destination,
            Tables = result.Tables.Count,
            Rows = result.Rows,
            Listings = Of("listings"),
            ListingPhotos = Of("listing_photos"),
            Guests = Of("guests"),
            GuestIdentityKeys = Of("guest_identity_keys"),
            GuestMerges = Of("guest_merges"),
            Reservations = Of("reservations"),
            Conversations = Of("conversations"),
            Messages = Of("messages_metadata"),
            Reviews = Of("reviews"),
            ReviewCategories = Of("review_categories"),
            ConversationFiles = Of("conversation_file_index"),
            SyncState = Of("sync_state"),
            SyncSeen = Of("sync_seen"),
            SyncLogs = Of("sync_logs"),
            ReplacedRows = result.ReplacedRows,
            Duration = result.Duration,
            RowsPerSecond = Math.Round(result.RowsPerSecond, 1),
            SearchIndex = result.SearchIndex.ToString(),
            MessagesIndexed = result.MessagesIndexed,
            SearchIndexDuration = result.SearchIndexDuration,
        };
    }
}
