using System.Text.Json.Serialization;

namespace HostawaySync.Engine.Sync;

/// <summary>How much a run fetches (by name in the checkpoints the store keeps).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SyncMode>))]
public enum SyncMode
{
    /// <summary>Everything: every list page and every conversation's messages; reconciles deletions.</summary>
    Full,

    /// <summary>Only what changed since the last run.</summary>
    Incremental,

    /// <summary>
    /// Every list page (listings, reservations, conversations), deletions included, but the messages only of the
    /// conversations that are new, whose list entry changed since their messages were stored, or whose file is missing
    /// or no longer what the database says it holds: the database and files end as after <see cref="Full"/>, for a few
    /// percent of its requests.
    /// </summary>
    Reconcile,
}
