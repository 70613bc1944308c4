using HostawaySync.Simulator.Json;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Mutation;
using Microsoft.AspNetCore.Http;

namespace HostawaySync.Simulator.Http;

/// <summary><c>GET /v1/reservations</c>, <c>/v1/reservations/{id}</c> and <c>/v1/reservations/{id}/conversations</c>.</summary>
internal static class ReservationEndpoints
{
    private static readonly Dictionary<string, (ReservationOrder Order, bool Descending)> SortOrders = new(StringComparer.Ordinal)
    {
        ["updatedOn"] = (ReservationOrder.UpdatedOn, false),
        ["arrivalDate"] = (ReservationOrder.ArrivalDate, false),
        ["arrivalDateDesc"] = (ReservationOrder.ArrivalDate, true),
        ["lastConversationMessageSent"] = (ReservationOrder.LastMessageSent, false),
        ["lastConversationMessageSentDesc"] = (ReservationOrder.LastMessageSent, true),
        ["lastConversationMessageReceived"] = (ReservationOrder.LastMessageReceived, false),
        ["lastConversationMessageReceivedDesc"] = (ReservationOrder.LastMessageReceived, true),
        ["latestActivity"] = (ReservationOrder.LatestActivity, false),
        ["latestActivityDesc"] = (ReservationOrder.LatestActivity, true),
    };

    // Documented filters the simulator does not model: refusing them beats silently returning unfiltered rows.
    private static readonly string[] Unsupported =
        ["assigneeUserId", "customerUserId", "reservationAgreement", "isStarred", "isArchived", "isPinned", "dateType"];

    /// <summary>Lists reservations (default order updatedOn DESC, id DESC).</summary>
    public static ApiResponse List(ListCall call, IQueryCollection raw)
    {
        var query = new QueryReader(raw);
        var page = PageRequest.Read(query, call.Settings.MaxPageSize) with { AfterId = query.Id("afterId") };
        var sortOrder = query.OneOf("sortOrder", SortOrders.Keys);
        var filter = new ReservationFilter
        {
            ListingId = query.Id("listingId"),
            ChannelId = query.Int("channelId", 1),
            ArrivalStart = query.Date("arrivalStartDate"),
            ArrivalEnd = query.Date("arrivalEndDate"),
            DepartureStart = query.Date("departureStartDate"),
            DepartureEnd = query.Date("departureEndDate"),
            ActivityStart = query.Date("latestActivityStart"),
            ActivityEnd = query.Date("latestActivityEnd"),
            GuestEmail = query.String("guestEmail"),
            Match = query.String("match"),
            UnreadOnly = query.Flag("hasUnreadConversationMessages"),
        };
        var view = ReservationView.List(query.Flag("includeResources"), query.Flag("includeCancellationPolicy"));
        if (query.Error is { } error)
        {
            return ApiResponse.FailResult(400, error);
        }

        if (Unsupported.FirstOrDefault(name => query.String(name) is not null) is { } unsupported)
        {
            return ApiResponse.FailResult(400, $"The simulator does not support the filter {unsupported}.");
        }

        var (order, descending) = sortOrder is null ? (ReservationOrder.UpdatedOn, true) : SortOrders[sortOrder];
        // Only the unfiltered list in the default order takes moves: an update puts a reservation first in that order.
        return Paging.Serve(
            call,
            page,
            EnvelopeShape.Plain,
            snapshot => ReservationSearch.Run(snapshot, filter, order, descending, page.AfterId),
            filter.IsEmpty && sortOrder is null ? r => new RowMove(MoveKind.Reservation, r.Id) : null,
            snapshot => (w, r) => ReservationWriter.Write(w, snapshot, r, view));
    }

    /// <summary>One reservation (always with hostProxyEmail and cancellation-policy fields), or 404.</summary>
    public static ApiResponse Get(AccountSnapshot snapshot, long? id, IQueryCollection raw)
    {
        var reservation = id is null ? null : snapshot.FindReservation(id.Value);
        if (reservation is null)
        {
            return ApiResponse.FailResult(404, "Reservation not found");
        }

        var view = ReservationView.Single(new QueryReader(raw).Flag("includeResources"));
        return ApiResponse.Single(w => ReservationWriter.Write(w, snapshot, reservation, view));
    }

    /// <summary>The reservation's conversations as <c>{status, result:[...]}</c>, or 404.</summary>
    public static ApiResponse Conversations(AccountSnapshot snapshot, long? id, IQueryCollection raw)
    {
        var reservation = id is null ? null : snapshot.FindReservation(id.Value);
        if (reservation is null)
        {
            return ApiResponse.FailResult(404, "Reservation not found");
        }

        var includeResources = new QueryReader(raw).Flag("includeResources");
        var conversations = snapshot.ConversationIdsOf(reservation.Id).Select(c => snapshot.FindConversation(c)!).ToList();
        return Envelope.Bare(conversations, (w, c) => ConversationWriter.Write(w, snapshot, c, includeResources));
    }
}
