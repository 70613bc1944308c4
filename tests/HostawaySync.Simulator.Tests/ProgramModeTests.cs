using System.Diagnostics;
using System.Net;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>The simulator as a program: first stdout line is the base URL; SIGTERM stops it with exit code 0.</summary>
public sealed class ProgramModeTests
{
    private static Process Start(params string[] args) => SimulatorProcess.Start(args);

    [Fact]
    public async Task Serves_on_the_printed_url_until_sigterm_then_exits_0()
    {
        using var process = Start("--port", "0", "--seed", "3", "--size", "tiny", "--token-warmup-ms", "0");
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Matches(@"^http://127\.0\.0\.1:\d+/v1/$", firstLine);
            var second = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Contains("10450", second, StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = new Uri(firstLine!) };
            using var token = await http.PostAsync("accessTokens", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "10450", ["client_secret"] = "simulator-secret", ["scope"] = "general",
            }));
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);

            if (OperatingSystem.IsWindows())
            {
                return; // no SIGTERM there; the finally block stops it
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(string.Empty, (await process.StandardError.ReadToEndAsync()).Trim());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task The_rate_limits_argument_sets_the_preset_and_an_explicit_rate_overrides_it()
    {
        using var process = Start("--port", "0", "--size", "tiny", "--token-warmup-ms", "0", "--rate-limits", "revised", "--ip-rate", "2");
        try
        {
            var baseUrl = new Uri((await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)))!);
            using var control = new HttpClient { BaseAddress = new Uri(baseUrl, "../_control/") };
            var settings = System.Text.Json.Nodes.JsonNode.Parse(await control.GetStringAsync("settings"))!;
            Assert.Equal(200, settings["accountRequestsPer10Seconds"]!.GetValue<int>());
            Assert.Equal(2, settings["ipRequestsPer10Seconds"]!.GetValue<int>());

            // Enforced, not only stored: the token and one more request fit the IP's 2, the third is refused.
            using var http = new HttpClient { BaseAddress = baseUrl };
            using var token = await http.PostAsync("accessTokens", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "10450", ["client_secret"] = "simulator-secret", ["scope"] = "general",
            }));
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            using var second = await http.GetAsync("listings");
            Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode); // no bearer: past the limits, refused by auth
            using var third = await http.GetAsync("listings");
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Equal("ip", third.Headers.GetValues("X-RateLimit-Applied").Single());
            Assert.Equal("2", third.Headers.GetValues("X-RateLimit-Limit").Single());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Theory]
    [InlineData("--size", "huge")]
    [InlineData("--port", "abc")]
    [InlineData("--bogus")]
    [InlineData("--fault-rate", "1.5")]
    [InlineData("--faults", "Meteor")]
    [InlineData("--rate-limits", "fast")]
    public async Task Bad_arguments_exit_2_with_a_message_on_stderr(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Usage", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await stdout);
    }
}
