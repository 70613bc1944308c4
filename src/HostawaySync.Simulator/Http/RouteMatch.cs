namespace HostawaySync.Simulator.Http;

/// <summary>A matched route with its template (the statistics key) and path ids (null when not a valid id).</summary>
/// <param name="Route">The route.</param>
/// <param name="Template">E.g. <c>GET /v1/conversations/{id}/messages</c>.</param>
/// <param name="Id">The first path id.</param>
/// <param name="SubId">The second path id (message id).</param>
internal readonly record struct RouteMatch(ApiRoute Route, string Template, long? Id, long? SubId);
