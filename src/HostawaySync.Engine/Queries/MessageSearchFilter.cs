namespace HostawaySync.Engine.Queries;

/// <summary>What to search for, and where. Null or empty members do not filter.</summary>
/// <param name="Query">The search text.</param>
/// <param name="Syntax">How <paramref name="Query"/> is read.</param>
/// <param name="ConversationIds">Only messages of these conversations.</param>
/// <param name="ReservationIds">Only messages about these reservations.</param>
/// <param name="ListingIds">Only messages about these listings.</param>
/// <param name="Direction">guest or host.</param>
/// <param name="Since">Sent at or after (UTC).</param>
/// <param name="Until">Sent before (UTC).</param>
/// <param name="First">At most this many results, the best ones.</param>
/// <param name="IncludeText">Also return each message's full text.</param>
/// <param name="Scopes">Only messages in at least one of these scopes (in addition to the filters above); piped input becomes scopes.</param>
/// <param name="IncludeDeleted">Also messages of conversations or reservations the API no longer has.</param>
public sealed record MessageSearchFilter(
    string Query, MessageSearchSyntax Syntax = MessageSearchSyntax.Simple,
    IReadOnlyList<long>? ConversationIds = null, IReadOnlyList<long>? ReservationIds = null, IReadOnlyList<long>? ListingIds = null,
    string? Direction = null, DateTime? Since = null, DateTime? Until = null, int? First = null, bool IncludeText = false,
    IReadOnlyList<MessageSearchScope>? Scopes = null, bool IncludeDeleted = false);
