using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HostawaySync.Engine.Export;

namespace HostawaySync.Engine.Tests.Export;

public sealed class TrainingLineWriterTests
{
    private const string Mixed = "Grinning 😀 family 👨‍👩‍👧 flag 🇵🇹, مرحبا بكم (RTL), שלום, 你好，欢迎光临, こんにちは, 한국어, Ünïcödé & <b>'x'</b> + a€b, 𝄞";

    private static byte[] Line(string content, ConversationInfo? metadata = null, string? systemPrompt = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new TrainingLineWriter(stream))
        {
            writer.Write(systemPrompt, [new ChatTurn(ChatRole.User, content, 1), new ChatTurn(ChatRole.Assistant, "ok", 1)], metadata, null, null);
            Assert.Equal(stream.Length, writer.Bytes);
        }

        return stream.ToArray();
    }

    private static string Content(byte[] line, int index = 0) => (string)JsonNode.Parse(line)!["messages"]![index]!["content"]!;

    [Fact]
    public void Emoji_right_to_left_and_cjk_text_is_written_as_raw_utf8_and_reads_back_the_same()
    {
        var line = Line(Mixed);

        var text = Encoding.UTF8.GetString(line);
        Assert.Contains(Mixed, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.OrdinalIgnoreCase);
        Assert.True(line.AsSpan().IndexOf("😀"u8) >= 0, "the emoji's UTF-8 bytes are in the line");
        Assert.True(line.AsSpan().IndexOf("你好"u8) >= 0);
        Assert.Equal(Mixed, Content(line));
        Assert.Equal((byte)'\n', line[^1]);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Quotes_backslashes_and_control_characters_are_escaped_so_the_line_stays_one_valid_json_line()
    {
        const string Tricky = "say \"hi\" \\ C:\\path\r\nnext\ttab\b\f\u0000\u001f\u007f end \u2028 \u2029";

        var line = Line(Tricky);

        var text = Encoding.UTF8.GetString(line);
        Assert.Contains("""say \"hi\" \\ C:\\path\r\nnext\ttab\b\f\u0000\u001F""", text, StringComparison.Ordinal);
        Assert.DoesNotContain((byte)'\r', line);
        Assert.Equal(1, line.Count(b => b == (byte)'\n'));
        Assert.Equal(Tricky, Content(line));
    }

    [Fact]
    public void Lone_surrogates_become_the_replacement_character_and_the_bytes_are_valid_utf8()
    {
        var line = Line("broken \uD83D here, \uDE00 there, pair 😀 kept, end \uD83D");

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        Assert.Equal("broken \uFFFD here, \uFFFD there, pair 😀 kept, end \uFFFD", JsonNode.Parse(strict.GetString(line))!["messages"]![0]!["content"]!.GetValue<string>());
    }

    [Fact]
    public void Metadata_and_the_system_prompt_are_raw_utf8_too_and_the_same_input_gives_the_same_bytes()
    {
        var info = new ConversationInfo { ConversationId = 7, ListingName = "Casa Ñandú 🌴 海辺の家", Channel = "airbnb\"official\"" };

        var first = Line("hi", info, "Du bist der Gastgeber 🏠");
        var second = Line("hi", info, "Du bist der Gastgeber 🏠");

        Assert.Equal(first, second);
        var text = Encoding.UTF8.GetString(first);
        Assert.Contains("\"listingName\":\"Casa Ñandú 🌴 海辺の家\"", text, StringComparison.Ordinal);
        Assert.Contains("\"channel\":\"airbnb\\\"official\\\"\"", text, StringComparison.Ordinal);
        Assert.Contains("\"content\":\"Du bist der Gastgeber 🏠\"", text, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(first);
        Assert.Equal("Casa Ñandú 🌴 海辺の家", parsed.RootElement.GetProperty("metadata").GetProperty("listingName").GetString());
    }
}
