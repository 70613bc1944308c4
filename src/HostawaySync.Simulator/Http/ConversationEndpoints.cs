using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Json;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Mutation;
using Microsoft.AspNetCore.Http;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// <c>GET /v1/conversations[/{id}]</c> and the message endpoints. The list order is a stable shuffle, neither
/// by id nor by latest message (as real data shows); a new conversation lands at a pseudo-random position, so
/// offset paging during changes can shift rows.
/// </summary>
internal static class ConversationEndpoints
{
    /// <summary>Lists conversations; the only filter is reservationId.</summary>
    public static ApiResponse List(ListCall call, IQueryCollection raw)
    {
        var query = new QueryReader(raw);
        var page = PageRequest.Read(query, call.Settings.MaxPageSize);
        var reservationId = query.Id("reservationId");
        var includeResources = query.Flag("includeResources");
        if (query.Error is { } error)
        {
            return ApiResponse.FailResult(400, error);
        }

        // Only the unfiltered list takes moves; a reservation's few conversations are not worth the complexity.
        return Paging.Serve(
            call,
            page,
            EnvelopeShape.Paged,
            snapshot => new OrderedRows<ConversationState>(reservationId is { } rid ? OfReservation(snapshot, rid) : InListOrder(snapshot)),
            reservationId is null ? c => new RowMove(MoveKind.Conversation, c.Id) : null,
            snapshot => (w, c) => ConversationWriter.Write(w, snapshot, c, includeResources));
    }

    /// <summary>One conversation, or 404.</summary>
    public static ApiResponse Get(AccountSnapshot snapshot, long? id, IQueryCollection raw)
    {
        var conversation = id is null ? null : snapshot.FindConversation(id.Value);
        if (conversation is null)
        {
            return ApiResponse.FailResult(404, "Conversation not found");
        }

        var includeResources = new QueryReader(raw).Flag("includeResources");
        return ApiResponse.Single(w => ConversationWriter.Write(w, snapshot, conversation, includeResources));
    }

    /// <summary>A conversation's messages, newest first; only sent ones unless includeScheduledMessages=1.</summary>
    public static ApiResponse Messages(ListCall call, long? id, IQueryCollection raw)
    {
        var conversation = id is null ? null : call.Snapshot.FindConversation(id.Value);
        if (conversation is null)
        {
            return ApiResponse.FailResult(404, "Conversation not found");
        }

        var query = new QueryReader(raw);
        var page = PageRequest.Read(query, call.Settings.MaxPageSize);
        var includeScheduled = query.Flag("includeScheduledMessages");
        if (query.Error is { } error)
        {
            return ApiResponse.FailResult(400, error);
        }

        // The conversation is looked up again in the snapshot served: a move may have added a message to it.
        var conversationId = conversation.Id;
        return Paging.Serve(
            call,
            page,
            EnvelopeShape.Paged,
            snapshot => new OrderedRows<MessageInfo>(MessageSynthesizer.Ordered(snapshot.Context, snapshot.FindConversation(conversationId)!, includeScheduled)),
            _ => new RowMove(MoveKind.Message, conversationId),
            snapshot =>
            {
                var served = snapshot.FindConversation(conversationId)!;
                return (w, m) => MessageWriter.Write(w, snapshot, served, m);
            });
    }

    /// <summary>One message of the conversation (any status), or 404.</summary>
    public static ApiResponse Message(AccountSnapshot snapshot, long? id, long? messageId)
    {
        var conversation = id is null ? null : snapshot.FindConversation(id.Value);
        if (conversation is null)
        {
            return ApiResponse.FailResult(404, "Conversation not found");
        }

        if (messageId is null || MessageSynthesizer.Find(snapshot.Context, conversation, messageId.Value) is not { } message)
        {
            return ApiResponse.FailResult(404, "Conversation message not found");
        }

        return ApiResponse.Single(w => MessageWriter.Write(w, snapshot, conversation, message));
    }

    private static List<ConversationState> OfReservation(AccountSnapshot snapshot, long reservationId) =>
        [.. snapshot.ConversationIdsOf(reservationId)
            .Select(id => snapshot.FindConversation(id)!)
            .OrderBy(c => snapshot.ConversationOrder.PositionOf(snapshot.ConversationRow(c.Id), false))];

    private static ProjectedList<ConversationState> InListOrder(AccountSnapshot snapshot) =>
        new(snapshot.ConversationOrder.Count, position => snapshot.Conversations[snapshot.ConversationOrder.RowAt(position, false)]);
}
