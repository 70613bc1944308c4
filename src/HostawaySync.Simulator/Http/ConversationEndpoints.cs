using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Json;
using HostawaySync.Simulator.Model;
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
    public static ApiResponse List(AccountSnapshot snapshot, IQueryCollection raw)
    {
        var query = new QueryReader(raw);
        var page = PageRequest.Read(query);
        var reservationId = query.Id("reservationId");
        var includeResources = query.Flag("includeResources");
        if (query.Error is { } error)
        {
            return ApiResponse.FailResult(400, error);
        }

        List<ConversationState> rows;
        int count;
        if (reservationId is { } rid)
        {
            var matching = snapshot.ConversationIdsOf(rid)
                .Select(id => snapshot.FindConversation(id)!)
                .OrderBy(c => snapshot.ConversationOrder.PositionOf(snapshot.ConversationRow(c.Id), false))
                .ToList();
            count = matching.Count;
            rows = [.. matching.Skip(page.Offset).Take(page.Limit)];
        }
        else
        {
            var order = snapshot.ConversationOrder;
            count = order.Count;
            rows = [];
            for (var position = page.Offset; position < count && rows.Count < page.Limit; position++)
            {
                rows.Add(snapshot.Conversations[order.RowAt(position, false)]);
            }
        }

        return Envelope.Paged(rows, count, page, (w, c) => ConversationWriter.Write(w, snapshot, c, includeResources));
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
    public static ApiResponse Messages(AccountSnapshot snapshot, long? id, IQueryCollection raw)
    {
        var conversation = id is null ? null : snapshot.FindConversation(id.Value);
        if (conversation is null)
        {
            return ApiResponse.FailResult(404, "Conversation not found");
        }

        var query = new QueryReader(raw);
        var page = PageRequest.Read(query);
        var includeScheduled = query.Flag("includeScheduledMessages");
        if (query.Error is { } error)
        {
            return ApiResponse.FailResult(400, error);
        }

        var all = MessageSynthesizer.Ordered(snapshot.Context, conversation, includeScheduled);
        var rows = all.Skip(page.Offset).Take(page.Limit).ToList();
        return Envelope.Paged(rows, all.Count, page, (w, m) => MessageWriter.Write(w, snapshot, conversation, m));
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
}
