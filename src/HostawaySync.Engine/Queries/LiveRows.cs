namespace HostawaySync.Engine.Queries;

/// <summary>
/// What the queries leave out unless deleted rows are asked for, one rule for every query and both stores. A row is
/// deleted when the API no longer lists it (<c>deleted_at</c>); what exists only through a deleted row is hidden with it:
/// the conversations of a deleted reservation, the messages of a deleted conversation or reservation, the reviews of a
/// deleted reservation, the photos of a deleted listing, and a guest all of whose reservations are deleted. A
/// reservation the API still lists stays live although its listing is deleted (and so do its conversations, messages
/// and reviews): the API still has it, and a listing the listing endpoint never returned is recorded as deleted for the
/// reservations that name it. A guest without any
/// reservation (none stored, deleted or not) has nothing that was deleted and stays live.
/// </summary>
/// <remarks>
/// Each fragment is a condition on a row of the table named by its argument (an alias or the table's own name); the
/// subqueries use aliases of their own (<c>dc</c>, <c>dr</c>, <c>gr</c>), so they fit into queries that join
/// conversations or reservations themselves.
/// </remarks>
internal static class LiveRows
{
    /// <summary>The conversation <paramref name="c"/> is live: it and its reservation (if any) are.</summary>
    public static string Conversation(string c) =>
        $"({c}.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM reservations dr WHERE dr.reservation_id = {c}.reservation_id AND dr.deleted_at IS NOT NULL))";

    /// <summary>The message <paramref name="m"/> is live: its conversation (if any) is, and so is its reservation (if any).</summary>
    public static string Message(string m) =>
        $"(NOT EXISTS (SELECT 1 FROM conversations dc WHERE dc.conversation_id = {m}.conversation_id AND NOT {Conversation("dc")})"
        + $" AND NOT EXISTS (SELECT 1 FROM reservations dr WHERE dr.reservation_id = {m}.reservation_id AND dr.deleted_at IS NOT NULL))";

    /// <summary>The review <paramref name="v"/> is live: it and its reservation (if stored) are.</summary>
    public static string Review(string v) =>
        $"({v}.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM reservations dr WHERE dr.reservation_id = {v}.reservation_id AND dr.deleted_at IS NOT NULL))";

    /// <summary>The guest <paramref name="g"/> is live: one of its reservations is, or it has none at all.</summary>
    public static string Guest(string g) =>
        $"(EXISTS (SELECT 1 FROM reservations gr WHERE gr.guest_id = {g}.guest_id AND gr.deleted_at IS NULL)"
        + $" OR NOT EXISTS (SELECT 1 FROM reservations gr WHERE gr.guest_id = {g}.guest_id))";
}
