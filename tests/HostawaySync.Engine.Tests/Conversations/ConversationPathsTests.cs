using System.Globalization;
using System.Text;
using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Tests.Conversations;

public sealed class ConversationPathsTests : IDisposable
{
    private const string Forbidden = "/\\:*?\"<>|";
    private const string Family = "👨‍👩‍👧‍👦";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Beach House", "Beach House")]
    [InlineData("../../etc/passwd", "_.._etc_passwd")]
    [InlineData("..\\..\\x", "_.._x")]
    [InlineData("/abs", "_abs")]
    [InlineData("C:\\x", "C__x")]
    [InlineData("a*b?c\"d<e>f|g", "a_b_c_d_e_f_g")]
    [InlineData("CON", "_CON")]
    [InlineData("con.tar.gz", "_con.tar.gz")]
    [InlineData("aux.txt", "_aux.txt")]
    [InlineData("Lpt9", "_Lpt9")]
    [InlineData("NUL .txt", "_NUL .txt")]
    [InlineData("COM10", "COM10")]
    [InlineData("CONSOLE", "CONSOLE")]
    [InlineData(".", "fallback")]
    [InlineData("..", "fallback")]
    [InlineData(" . . ", "fallback")]
    [InlineData("", "fallback")]
    [InlineData(null, "fallback")]
    [InlineData(".hidden", "hidden")]
    [InlineData("trailing dots...", "trailing dots")]
    [InlineData("John\nSmith\t  Jr", "John Smith Jr")]
    [InlineData("a\u0000b\u0007c\u007Fd", "abcd")]
    [InlineData("evil\u202Etxt.exe", "eviltxt.exe")]
    [InlineData("\u2066x\u2069\u200E\u200F", "x")]
    [InlineData("e\u0301", "\u00E9")]
    [InlineData("مرحبا", "مرحبا")]
    public void Safe_segments(string? name, string expected)
    {
        Assert.Equal(expected, ConversationPaths.SafeSegment(name, "fallback", 100));
    }

    [Fact]
    public void Long_names_are_cut_on_text_element_boundaries_and_within_255_utf8_bytes()
    {
        var families = string.Concat(Enumerable.Repeat(Family, 30));
        Assert.Equal(Family, ConversationPaths.SafeSegment(families, "x", 20));
        Assert.Equal(Family + Family, ConversationPaths.SafeSegment("  " + families, "x", 22));

        var emoji = ConversationPaths.SafeSegment(string.Concat(Enumerable.Repeat("😀", 300)), "x", 1000);
        Assert.Equal(63 * 2, emoji.Length);
        Assert.True(Encoding.UTF8.GetByteCount(emoji) <= 255);

        var accents = ConversationPaths.SafeSegment("a" + new string('\u0301', 400), "x", 50);
        Assert.InRange(accents.Length, 1, 50);

        Assert.Equal(new string('x', 50), ConversationPaths.SafeSegment(new string('x', 300), "f", 50));
        Assert.Equal("_CO", ConversationPaths.SafeSegment("CONSOLE", "f", 3));
    }

    [Fact]
    public void Random_hostile_names_always_give_safe_idempotent_segments()
    {
        var data = new ConversationTestData(7);
        for (var i = 0; i < 2000; i++)
        {
            var name = i % 5 == 0 ? ConversationTestData.HostileFragments[i / 5 % ConversationTestData.HostileFragments.Length] : data.RandomChars(data.Random.Next(0, 400));
            var maxLength = data.Random.Next(1, 300);

            var safe = ConversationPaths.SafeSegment(name, "guest", maxLength);

            Assert.InRange(safe.Length, 1, maxLength);
            Assert.True(Encoding.UTF8.GetByteCount(safe) <= 255);
            Assert.DoesNotContain(safe, c => char.IsControl(c) || Forbidden.Contains(c) || SafeNames.IsBidiControl(c));
            Assert.Equal(safe, TextLimits.ReplaceLoneSurrogates(safe));
            Assert.False(safe.StartsWith('.') || safe.EndsWith('.') || safe.StartsWith(' ') || safe.EndsWith(' '), safe);
            Assert.NotEqual("..", safe);
            Assert.False(SafeNames.IsReservedDeviceName(safe), safe);
            Assert.True(safe.IsNormalized(NormalizationForm.FormC));
            Assert.Equal(safe, ConversationPaths.SafeSegment(safe, "guest", maxLength));
        }
    }

    [Fact]
    public void Relative_paths_name_the_listing_folder_with_its_id_and_the_guest_and_date()
    {
        var paths = new ConversationPaths(_temp.Path);

        Assert.Equal("Beach House (40160)/John Smith_2026-07-15_conversation.txt",
            paths.RelativePathFor(40160, "Beach House", "John Smith", new DateOnly(2026, 7, 15), 1406, _ => false));
        Assert.Equal("listing (7)/guest_undated_conversation.txt", paths.RelativePathFor(7, null, "  ", null, 1, _ => false));
        Assert.Equal("_CON (1)/_.._etc_passwd_2026-01-01_conversation.txt", paths.RelativePathFor(1, "CON", "../../etc/passwd", new DateOnly(2026, 1, 1), 9, _ => false));
    }

    [Fact]
    public void A_taken_path_gets_the_conversation_id_and_uniqueness_ignores_case()
    {
        var paths = new ConversationPaths(_temp.Path);
        var owned = new Dictionary<string, long>(ConversationPaths.PathComparer);
        string Assign(string guest, long conversationId)
        {
            var path = paths.RelativePathFor(5, "Loft", guest, new DateOnly(2026, 1, 1), conversationId,
                candidate => owned.TryGetValue(candidate, out var owner) && owner != conversationId);
            owned[path] = conversationId;
            return path;
        }

        var first = Assign("Ann Lee", 100);
        var second = Assign("ANN LEE", 200);
        var third = Assign("ann lee", 300);

        Assert.Equal("Loft (5)/Ann Lee_2026-01-01_conversation.txt", first);
        Assert.Equal("Loft (5)/ANN LEE_2026-01-01_200_conversation.txt", second);
        Assert.Equal("Loft (5)/ann lee_2026-01-01_300_conversation.txt", third);
        Assert.Equal(first, Assign("Ann Lee", 100));
        Assert.Equal(second, Assign("ANN LEE", 200));
        Assert.Equal("Loft (5)/ann lee_2026-01-01_300-2_conversation.txt",
            paths.RelativePathFor(5, "Loft", "ann lee", new DateOnly(2026, 1, 1), 300, candidate => !candidate.Contains("-2_", StringComparison.Ordinal)));
    }

    [Fact]
    public void Hostile_names_give_unique_files_inside_the_root_within_length_limits()
    {
        var root = _temp.Combine("root");
        var paths = new ConversationPaths(root);
        var data = new ConversationTestData(11);
        var owned = new HashSet<string>(ConversationPaths.PathComparer);
        var hostile = new[] { "../../etc/passwd", "..\\..\\x", "/abs", "C:\\x", "CON", "aux.txt", new string('w', 320), Family + Family, "\u202Egnp.exe", "שלום", ".", "..", "" };
        for (var i = 0; i < 300; i++)
        {
            var listing = i % 2 == 0 ? hostile[i % hostile.Length] : data.RandomChars(data.Random.Next(0, 350));
            var guest = i % 3 == 0 ? hostile[(i / 3) % hostile.Length] : data.RandomChars(data.Random.Next(0, 350));
            var relative = paths.RelativePathFor(i % 4, listing, guest, i % 5 == 0 ? null : new DateOnly(2026, 1, 1).AddDays(i % 3), 1000 + i, owned.Contains);

            Assert.True(owned.Add(relative), relative);
            var segments = relative.Split('/');
            Assert.Equal(2, segments.Length);
            Assert.All(segments, segment => Assert.True(Encoding.UTF8.GetByteCount(segment) <= 255, segment));
            var full = paths.FullPath(relative);
            Assert.StartsWith(paths.Root + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, relative);
        }

        Assert.Equal(300, Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length);
        Assert.Equal([root], Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Relative_path_of_a_full_path_uses_forward_slashes()
    {
        var paths = new ConversationPaths(_temp.Path + Path.DirectorySeparatorChar);

        Assert.Equal(_temp.Path, paths.Root);
        Assert.Equal("a (1)/b_undated_conversation.txt", paths.RelativePathOf(Path.Combine(_temp.Path, "a (1)", "b_undated_conversation.txt")));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{Path.Combine(_temp.Path, "a (1)", "x.txt")}"), paths.FullPath("a (1)/x.txt"));
    }
}
