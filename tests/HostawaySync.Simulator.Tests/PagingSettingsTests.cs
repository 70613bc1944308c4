using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>The paging variants are chosen on the command line and changed at run time over the control surface.</summary>
public sealed class PagingSettingsTests
{
    [Fact]
    public async Task Put_settings_with_enum_names_changes_the_served_envelopes()
    {
        await using var simulator = await SimulatorSetup.StartAsync(DatasetOptions.Small);
        using var api = await ApiClient.CreateAsync(simulator);
        using var control = new HttpClient { BaseAddress = simulator.ControlUrl };
        var before = await api.GetOkAsync("reservations?limit=100&offset=10");
        Assert.Equal(300, before["count"]!.GetValue<int>());
        Assert.Equal(100, before["result"]!.AsArray().Count);

        using (var put = await control.PutAsync("settings", JsonContent.Create(new { count = "remaining", maxPageSize = 50 })))
        {
            put.EnsureSuccessStatusCode();
        }

        var after = await api.GetOkAsync("reservations?limit=100&offset=10");
        Assert.Equal(290, after["count"]!.GetValue<int>());
        Assert.Equal(50, after["result"]!.AsArray().Count);
        var shown = JsonNode.Parse(await control.GetStringAsync("settings"))!;
        Assert.Equal("Remaining", shown["count"]!.GetValue<string>());
        Assert.Equal(50, shown["maxPageSize"]!.GetValue<int>());
        Assert.Equal("Empty", shown["offsetCeilingBehaviour"]!.GetValue<string>());
        Assert.Equal("Normal", shown["pageFields"]!.GetValue<string>());
        Assert.Equal(SimulatorSetup.Open with { Count = CountMode.Remaining, MaxPageSize = 50 }, simulator.Settings);

        using var invalid = await control.PutAsync("settings", JsonContent.Create(new { maxPageSize = 0 }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
        using var unknown = await control.PutAsync("settings", JsonContent.Create(new { pageFields = "sideways" }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Command_line_options_set_every_paging_variant()
    {
        using var process = SimulatorProcess.Start(
            "--port", "0", "--size", "tiny", "--count", "Absent", "--page-cap", "7", "--page-cap-in-envelope", "--offset-ceiling", "30",
            "--offset-ceiling-mode", "error", "--page-fields", "wrong", "--move-row-every", "3");
        try
        {
            var baseUrl = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            using var control = new HttpClient { BaseAddress = new Uri(new Uri(baseUrl!), "/_control/") };
            var shown = JsonNode.Parse(await control.GetStringAsync("settings"))!;

            Assert.Equal("Absent", shown["count"]!.GetValue<string>());
            Assert.Equal(7, shown["maxPageSize"]!.GetValue<int>());
            Assert.True(shown["pageCapInEnvelope"]!.GetValue<bool>());
            Assert.Equal(30, shown["offsetCeiling"]!.GetValue<int>());
            Assert.Equal("Error", shown["offsetCeilingBehaviour"]!.GetValue<string>());
            Assert.Equal("Wrong", shown["pageFields"]!.GetValue<string>());
            Assert.Equal(3, shown["moveRowEvery"]!.GetValue<int>());
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--count", "all", "--count")]
    [InlineData("--count", "1", "--count")]
    [InlineData("--page-cap", "0", "--page-cap")]
    [InlineData("--page-cap", "many", "--page-cap")]
    [InlineData("--offset-ceiling", "-1", "--offset-ceiling")]
    [InlineData("--offset-ceiling-mode", "wrap", "--offset-ceiling-mode")]
    [InlineData("--page-fields", "absent", "--page-fields")]
    [InlineData("--move-row-every", "-2", "--move-row-every")]
    [InlineData("--page-cap", null, "--page-cap")]
    public async Task Bad_paging_options_exit_2_with_a_message_that_names_the_option(string name, string? value, string named)
    {
        using var process = value is null ? SimulatorProcess.Start(name) : SimulatorProcess.Start(name, value);
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
    }
}
