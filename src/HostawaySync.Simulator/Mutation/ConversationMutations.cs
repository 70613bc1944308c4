using HostawaySync.Simulator.Generation;

namespace HostawaySync.Simulator.Mutation;

/// <summary>Conversations deleted on their own: the reservation stays, and its updatedOn and latestActivityOn do not move.</summary>
internal static class ConversationMutations
{
    /// <summary>
    /// Deletes conversations that existed before this mutation and whose reservation this mutation has not touched
    /// (deleted, created, changed or messaged). Each reservation's message summary (last sent/received, unread flag,
    /// which the sort orders and the unread filter use) is recomputed over the conversations it keeps.
    /// </summary>
    public static List<long> Delete(MutationWork work, int count)
    {
        var picked = work.Pick(
            work.ConversationIdsAtStart,
            count,
            [],
            id => work.Conversations.TryGetValue(id, out var c) && !work.TouchedReservations.Contains(c.ReservationId));
        var reservationIds = picked.Select(id => work.Conversations[id].ReservationId).ToHashSet();
        foreach (var id in picked)
        {
            work.Conversations.Remove(id);
        }

        var kept = work.Conversations.Values
            .Where(c => reservationIds.Contains(c.ReservationId))
            .ToLookup(c => c.ReservationId);
        foreach (var reservationId in reservationIds.Where(work.Reservations.ContainsKey))
        {
            work.Reservations[reservationId] = ReservationActivity.WithOnly(work.Reservations[reservationId], kept[reservationId].OrderBy(c => c.Id));
        }

        return picked;
    }
}
