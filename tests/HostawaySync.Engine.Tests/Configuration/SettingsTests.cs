using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Tests.Configuration;

// Only settings without an environment variable are asserted on, so the machine's environment cannot change the outcome.
public sealed class SettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hostawaysync-settings-").FullName;

    private string ConfigPath => Path.Combine(_folder, "sub", "config.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Without_a_file_every_setting_has_its_default()
    {
        var settings = HostawaySettings.Resolve(configurationPath: ConfigPath);

        Assert.Equal(SettingCatalog.All.Select(s => s.Name), settings.All.Select(s => s.Definition.Name));
        Assert.Equal(TimeSpan.FromHours(24), settings.SyncInterval);
        Assert.Equal(TimeSpan.FromMinutes(60), settings.IncrementalOverlap);
        Assert.True(settings.StorePhotoMetadata);
        Assert.Equal(SettingSource.Default, settings[SettingCatalog.SyncIntervalHours].Source);
    }

    [Fact]
    public void Session_values_win_over_the_file_which_wins_over_defaults()
    {
        ConfigurationFile.Write(ConfigPath, new Dictionary<string, object?> { ["SyncIntervalHours"] = 6.0, ["StorePhotoMetadata"] = false });
        var session = new Dictionary<string, object?> { ["syncintervalhours"] = "2.5" };

        var settings = HostawaySettings.Resolve(session, ConfigPath);

        Assert.Equal(TimeSpan.FromHours(2.5), settings.SyncInterval);
        Assert.Equal(SettingSource.Session, settings[SettingCatalog.SyncIntervalHours].Source);
        Assert.False(settings.StorePhotoMetadata);
        Assert.Equal(SettingSource.File, settings[SettingCatalog.StorePhotoMetadata].Source);
        Assert.Equal(SettingSource.Default, settings[SettingCatalog.IncrementalOverlapMinutes].Source);
    }

    [Fact]
    public void Writing_keeps_unknown_keys_removes_reset_ones_and_leaves_no_temporary_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        File.WriteAllText(ConfigPath, """{ "Future": { "x": 1 }, "syncIntervalHours": 3 }""");

        ConfigurationFile.Write(ConfigPath, new Dictionary<string, object?> { ["SyncIntervalHours"] = null, ["IncrementalOverlapMinutes"] = 15 });

        var text = File.ReadAllText(ConfigPath);
        Assert.Contains("\"Future\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("syncIntervalHours", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(15, ConfigurationFile.Read(ConfigPath)["IncrementalOverlapMinutes"]);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(ConfigPath)!));
    }

    [Theory]
    [InlineData("{ \"SyncIntervalHours\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"SyncIntervalHours\": 0 }")]
    [InlineData("{ \"IncrementalOverlapMinutes\": \"soon\" }")]
    [InlineData("{ \"StorePhotoMetadata\": \"maybe\" }")]
    [InlineData("{ \"BaseUrl\": \"ftp://example.test/\" }")]
    public void A_bad_file_is_refused_naming_the_file(string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        File.WriteAllText(ConfigPath, json);

        var error = Assert.Throws<HostawayException>(() => HostawaySettings.Resolve(configurationPath: ConfigPath));

        Assert.Equal(ErrorIds.ConfigurationInvalid, error.ErrorId);
        Assert.Contains(ConfigPath, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RecommendedAction);
    }

    [Theory]
    [InlineData("BaseUrl", "http://127.0.0.1:5000/v1", "http://127.0.0.1:5000/v1/")]
    [InlineData("StorePhotoMetadata", "0", false)]
    [InlineData("StorePhotoMetadata", "yes", true)]
    [InlineData("RequestsPer10Seconds", "20", 20)]
    [InlineData("SyncIntervalHours", "0.25", 0.25)]
    public void Values_from_text_are_converted_to_their_type(string name, string raw, object expected)
    {
        Assert.Equal(expected, SettingCatalog.Find(name)!.Convert(raw, "a test"));
    }
}
