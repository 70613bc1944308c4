namespace HostawaySync.Simulator.Model;

/// <summary>
/// One message without its text: enough to filter and order messages. The text and the other fields are
/// derived from <see cref="Seed"/> only for the messages a response actually contains.
/// </summary>
/// <param name="Id">Message id.</param>
/// <param name="Date">Message time (the scheduled time for scheduled messages).</param>
/// <param name="IsIncoming">True when the guest wrote it.</param>
/// <param name="Status">Message status.</param>
/// <param name="Seed">Root of the derived fields.</param>
/// <param name="IsAutomated">True for scheduled automation messages, which carry communication settings.</param>
/// <param name="ForceHostile">True when this message must carry a hostile body.</param>
/// <param name="IsSeen">Guest messages: read by the host; host messages: read by the guest. Fixed per message,
/// so a later message never changes an earlier one.</param>
/// <param name="UpdatedOn">When a mutation changed the message's status, or null: then <c>updatedOn</c> is derived.</param>
internal readonly record struct MessageInfo(
    long Id,
    DateTime Date,
    bool IsIncoming,
    string Status,
    ulong Seed,
    bool IsAutomated,
    bool ForceHostile,
    bool IsSeen,
    DateTime? UpdatedOn = null)
{
    /// <summary>Whether the default messages view (sent only) shows it.</summary>
    public bool IsSent => Status == MessageStatuses.Sent;
}
