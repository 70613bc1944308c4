using System.Globalization;
using System.Net;
using System.Text;

namespace HostawaySync.Engine.Tests.Api.Paging;

/// <summary>
/// A list endpoint that answers one reading of what the API documentation leaves open: what <c>count</c> holds, a page
/// cap (said in the envelope or silent), an offset ceiling (empty pages or an error past it), rows served but
/// unreadable, rows the API counts but never serves, and a row that moves to the front while a client pages. Serves
/// offset and <c>afterId</c> requests alike, so one script covers listings, conversations, messages and reservations.
/// </summary>
internal sealed class ScriptedList
{
    private readonly List<long> _ids;
    private int _midPassRequests;

    public ScriptedList(int rows) => _ids = Enumerable.Range(1, rows).Select(i => 5000L - i).ToList();

    public string CountMode { get; init; } = "total";

    public int Cap { get; init; } = 100;

    public bool CapInEnvelope { get; init; }

    public int Ceiling { get; init; }

    public bool CeilingErrors { get; init; }

    public int Phantom { get; init; }

    public long? UnreadableId { get; init; }

    /// <summary>Serves the first page whatever offset is asked for (and says so in the envelope).</summary>
    public bool IgnoresOffset { get; init; }

    /// <summary>On this mid-pass request (offset &gt; 0 or afterId), the first row after the page moves to the front.</summary>
    public int MoveOnRequest { get; init; }

    public IReadOnlyList<long> Ids => _ids;

    public HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var limit = int.Parse(query["limit"] ?? "100", CultureInfo.InvariantCulture);
        var applied = Math.Min(limit, Cap);
        var afterId = query["afterId"] is { } after ? long.Parse(after, CultureInfo.InvariantCulture) : (long?)null;
        var offset = afterId is null && !IgnoresOffset ? int.Parse(query["offset"] ?? "0", CultureInfo.InvariantCulture) : 0;
        var start = afterId is { } id ? _ids.IndexOf(id) + 1 : offset;
        if ((afterId is not null || offset > 0) && ++_midPassRequests == MoveOnRequest && start + applied < _ids.Count)
        {
            var moved = _ids[start + applied];
            _ids.RemoveAt(start + applied);
            _ids.Insert(0, moved);
        }

        if (afterId is null && Ceiling > 0 && offset >= Ceiling && CeilingErrors)
        {
            return FakeApiHandler.Json(HttpStatusCode.BadRequest, $$"""{"status":"fail","result":"Offset must be lower than {{Ceiling}}."}""");
        }

        var end = Math.Min(_ids.Count, start + applied);
        if (afterId is null && Ceiling > 0)
        {
            end = Math.Min(end, Ceiling);
        }

        var rows = Enumerable.Range(start, Math.Max(0, end - start)).Select(i => _ids[i] == UnreadableId
            ? $$"""{"id":"not-a-number","listingMapId":1,"name":"broken"}"""
            : $$"""{"id":{{_ids[i]}},"listingMapId":1,"name":"Row {{_ids[i]}}","status":"new"}""");
        var json = new StringBuilder("""{"status":"success","result":[""").Append(string.Join(',', rows)).Append(']');
        var total = _ids.Count + Phantom;
        var count = CountMode switch
        {
            "total" => total,
            "remaining" => Math.Max(0, total - start),
            _ => (int?)null,
        };
        if (count is { } c)
        {
            json.Append(CultureInfo.InvariantCulture, $$""","count":{{c}}""");
        }

        json.Append(CultureInfo.InvariantCulture, $$""","limit":{{(CapInEnvelope && applied < limit ? applied : limit)}},"offset":{{(afterId is null ? offset.ToString(CultureInfo.InvariantCulture) : "null")}}}""");
        return FakeApiHandler.Json(HttpStatusCode.OK, json.ToString());
    }
}
