namespace HostawaySync.Benchmarks;

/// <summary>One message of the simulator's ground truth, as far as the store's metadata and the conversation files keep it.</summary>
/// <param name="ConversationId">Its conversation.</param>
/// <param name="Id">Its id.</param>
/// <param name="Status">sent, awaiting, cancelled_by_user...; null when the API gives none.</param>
/// <param name="Incoming">From the guest (stored as direction 'guest'), else from the host.</param>
/// <param name="Body">The text, as the API serves it.</param>
public sealed record TruthMessage(long ConversationId, long Id, string? Status, bool Incoming, string Body);
