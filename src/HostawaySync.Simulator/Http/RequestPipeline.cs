using Microsoft.AspNetCore.Http;

namespace HostawaySync.Simulator.Http;

/// <summary>
/// The single request handler. <c>/v1</c> requests get latency, then maybe a fault, then rate limits, auth and
/// routing; <c>/_control</c> requests get none of that.
/// </summary>
internal sealed class RequestPipeline(SimulatorCore core)
{
    /// <summary>Handles any request.</summary>
    public Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path.StartsWith("/_control/", StringComparison.Ordinal))
        {
            return ControlEndpoints.HandleAsync(core, http, path["/_control/".Length..]);
        }

        if (path == "/v1" || path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            return HandleApiAsync(http, path);
        }

        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private async Task HandleApiAsync(HttpContext http, string path)
    {
        var match = ApiRouter.Match(http.Request.Method, path);
        using var inFlight = core.Stats.Begin(match.Template);
        // Like a real server, the Date header and the data's timestamps come from one clock: the simulated one.
        http.Response.Headers.Date = core.Clock.UtcNow.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var settings = core.Settings;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, core.ShutdownToken);
        var cancellationToken = linked.Token;
        try
        {
            if (settings.Latency > TimeSpan.Zero)
            {
                await Task.Delay(settings.Latency, cancellationToken);
            }

            var fault = core.Faults.Decide(settings, http.Request.Method, path + http.Request.QueryString);
            if (fault.Kind != FaultKinds.None)
            {
                core.Stats.Fault(fault.Kind);
            }

            switch (fault.Kind)
            {
                case FaultKinds.ConnectionReset:
                    http.Abort();
                    return;
                case FaultKinds.ServerError:
                    await WriteAsync(http, ServerErrorPage(fault.StatusCode), cancellationToken);
                    return;
                case FaultKinds.Stall:
                    await Task.Delay(settings.StallDuration, cancellationToken);
                    break;
            }

            var response = await ApiDispatcher.DispatchAsync(core, http, match, settings, cancellationToken);
            if (fault.Kind == FaultKinds.TruncatedBody)
            {
                await WriteTruncatedAsync(http, response, cancellationToken);
                return;
            }

            await WriteAsync(http, response, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the simulator is shutting down: drop the connection.
            http.Abort();
        }
    }

    private static async Task WriteAsync(HttpContext http, ApiResponse response, CancellationToken cancellationToken)
    {
        WriteHeaders(http, response);
        await http.Response.Body.WriteAsync(response.Body, cancellationToken);
    }

    /// <summary>
    /// Announces the full length, sends about half, then ends the response. Kestrel sees fewer bytes than the
    /// Content-Length and closes the connection after sending what was written (a FIN). An abort would reset
    /// it instead, and a reset makes the client's TCP stack drop bytes it already received: the client must
    /// see the headers and a partial body, then end-of-stream.
    /// </summary>
    private static async Task WriteTruncatedAsync(HttpContext http, ApiResponse response, CancellationToken cancellationToken)
    {
        WriteHeaders(http, response);
        await http.Response.Body.WriteAsync(response.Body[..(response.Body.Length / 2)], cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    private static void WriteHeaders(HttpContext http, ApiResponse response)
    {
        http.Response.StatusCode = response.StatusCode;
        http.Response.ContentType = response.ContentType;
        http.Response.ContentLength = response.Body.Length;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }
    }

    private static ApiResponse ServerErrorPage(int statusCode)
    {
        var title = statusCode switch
        {
            502 => "502 Bad Gateway",
            503 => "503 Service Temporarily Unavailable",
            _ => "500 Internal Server Error",
        };
        return ApiResponse.Html(statusCode, $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
    }
}
