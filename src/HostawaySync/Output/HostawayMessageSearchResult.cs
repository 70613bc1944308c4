using System.Management.Automation;

namespace HostawaySync.Output;

/// <summary>What Search-HostawayMessage returns: a matching message, its rank and a snippet of its text; flat, CSV-friendly columns.</summary>
public sealed class HostawayMessageSearchResult : IStoredObject
{
    /// <inheritdoc />
    [Hidden]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    [Hidden]
    public string? DatabaseUrl { get; set; }

    /// <summary>1-based position in the results, best first.</summary>
    public int Rank { get; init; }

    /// <summary>Relevance (FTS5 bm25 with its sign flipped: higher is better); comparable within one search only.</summary>
    public double Score { get; init; }

    /// <summary>Message id (negative for messages indexed from files of earlier tools).</summary>
    public long MessageId { get; init; }

    /// <summary>Conversation.</summary>
    public long? ConversationId { get; init; }

    /// <summary>Reservation.</summary>
    public long? ReservationId { get; init; }

    /// <summary>Listing.</summary>
    public long? ListingId { get; init; }

    /// <summary>The listing's name.</summary>
    public string? ListingName { get; init; }

    /// <summary>The guest's name.</summary>
    public string? GuestName { get; init; }

    /// <summary>guest or host.</summary>
    public string Direction { get; init; } = string.Empty;

    /// <summary>When it was sent (UTC).</summary>
    public DateTime? SentAt { get; init; }

    /// <summary>About a dozen words around the match on one line, matched words in [brackets], … where the text was cut.</summary>
    public string? Snippet { get; init; }

    /// <summary>The whole text, with -IncludeText; null otherwise.</summary>
    public string? Text { get; init; }

    /// <summary>The conversation file, relative to the conversations folder.</summary>
    public string? FilePath { get; init; }

    internal static HostawayMessageSearchResult From(HostawaySync.Engine.Queries.MessageSearchRecord record) => new()
    {
        Rank = record.Rank,
        Score = record.Score,
        MessageId = record.MessageId,
        ConversationId = record.ConversationId,
        ReservationId = record.ReservationId,
        ListingId = record.ListingId,
        ListingName = record.ListingName,
        GuestName = record.GuestName,
        Direction = record.Direction,
        SentAt = record.SentAt,
        Snippet = record.Snippet,
        Text = record.Text,
        FilePath = record.FilePath,
    };
}
