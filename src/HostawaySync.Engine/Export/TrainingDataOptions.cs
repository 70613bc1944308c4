namespace HostawaySync.Engine.Export;

/// <summary>What to export and where. Paths must be full paths; times are UTC. Null or empty filters do not filter.</summary>
public sealed class TrainingDataOptions
{
    /// <summary>The database to read: a SQLite file (a path converts) or a PostgreSQL schema.</summary>
    public required HostawaySync.Engine.Store.StoreLocation DatabasePath { get; init; }

    /// <summary>Root of the conversation files, where the message text is.</summary>
    public required string ConversationsPath { get; init; }

    /// <summary>The JSONL file to write.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Replace an existing output file; without it an existing file is an error and is left alone.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Only conversations about these listings.</summary>
    public IReadOnlyList<long>? ListingIds { get; init; }

    /// <summary>Only these conversations.</summary>
    public IReadOnlyList<long>? ConversationIds { get; init; }

    /// <summary>Only conversations about these reservations.</summary>
    public IReadOnlyList<long>? ReservationIds { get; init; }

    /// <summary>Only messages sent at or after this time (UTC).</summary>
    public DateTime? Since { get; init; }

    /// <summary>Only messages sent before this time (UTC).</summary>
    public DateTime? Until { get; init; }

    /// <summary>
    /// Also messages that never reached the guest (scheduled, paused, failed, cancelled). By default only sent
    /// messages (and messages of unknown status, from files of earlier tools) are exported.
    /// </summary>
    public bool IncludeUnsent { get; init; }

    /// <summary>Also conversations the API no longer lists, and those of reservations it no longer lists (<see cref="Queries.LiveRows"/>).</summary>
    public bool IncludeDeleted { get; init; }

    /// <summary>A system message put first in every conversation, or null for none.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Add a <c>metadata</c> object to every line (ids, listing, channel, stay, message times).</summary>
    public bool IncludeMetadata { get; init; }

    /// <summary>
    /// Only conversations whose stay got a guest review (guest-to-host, live) rated at least this, 0 to 10: the stays that
    /// went well, for a model to learn from. Null: every conversation.
    /// </summary>
    public decimal? MinRating { get; init; }

    /// <summary>What to redact in message text.</summary>
    public TrainingDataRedaction Redact { get; init; }
}
