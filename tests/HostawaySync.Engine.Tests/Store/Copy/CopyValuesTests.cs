using HostawaySync.Engine.Store.Copy;

namespace HostawaySync.Engine.Tests.Store.Copy;

/// <summary>The conversions between SQLite's stored values and PostgreSQL's types: exact both ways, refused when they would not be.</summary>
public sealed class CopyValuesTests
{
    [Theory]
    [InlineData("2024-03-01T09:15:00Z")]
    [InlineData("1999-12-31T23:59:59Z")]
    [InlineData("2024-03-01T09:15:00.25Z")]
    public void A_time_goes_to_timestamptz_and_back_to_the_same_text(string text)
    {
        var value = (DateTime)CopyValues.FromSqlite(text, CopyColumnKind.Timestamp);

        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(text, CopyValues.ToSqlite(value, CopyColumnKind.Timestamp));
    }

    [Fact]
    public void A_time_in_another_form_is_read_as_the_instant_it_names()
    {
        Assert.Equal(new DateTime(2024, 3, 1, 8, 15, 0, DateTimeKind.Utc), CopyValues.FromSqlite("2024-03-01 09:15:00+01:00", CopyColumnKind.Timestamp));
        Assert.Equal(new DateTime(2024, 3, 1, 9, 15, 0, DateTimeKind.Utc), CopyValues.FromSqlite("2024-03-01 09:15:00", CopyColumnKind.Timestamp));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1234.5, "1234.5")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(99.99, "99.99")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(150.0, "150")]
    public void A_real_goes_to_numeric_by_its_shortest_text_and_back_unchanged(double real, string expected)
    {
        var number = (decimal)CopyValues.FromSqlite(real, CopyColumnKind.Numeric);

        Assert.Equal(expected, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(real, CopyValues.ToSqlite(number, CopyColumnKind.Numeric));
    }

    [Fact]
    public void A_numeric_with_trailing_zeros_becomes_the_same_real()
    {
        Assert.Equal(150.5, CopyValues.ToSqlite(150.50m, CopyColumnKind.Numeric));
    }

    [Fact]
    public void Dates_and_flags_keep_their_sqlite_form()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), CopyValues.FromSqlite("2024-02-29", CopyColumnKind.Date));
        Assert.Equal("2024-02-29", CopyValues.ToSqlite(new DateOnly(2024, 2, 29), CopyColumnKind.Date));
        Assert.Equal(true, CopyValues.FromSqlite(1L, CopyColumnKind.Boolean));
        Assert.Equal(0L, CopyValues.ToSqlite(false, CopyColumnKind.Boolean));
        Assert.Equal(7, CopyValues.FromSqlite(7L, CopyColumnKind.Integer));
    }

    [Theory]
    [InlineData("tomorrow", "Timestamp")]
    [InlineData("2024-02-30", "Date")]
    [InlineData("2024-02-01T10:00:00Z", "Date")]
    [InlineData(2L, "Boolean")]
    [InlineData("yes", "Boolean")]
    [InlineData("12a", "BigInt")]
    [InlineData(1.5, "BigInt")]
    public void A_value_that_would_change_is_refused(object stored, string kind)
    {
        Assert.Throws<FormatException>(() => CopyValues.FromSqlite(stored, Enum.Parse<CopyColumnKind>(kind)));
    }

    [Fact]
    public void A_count_too_large_for_integer_is_refused()
    {
        Assert.Throws<OverflowException>(() => CopyValues.FromSqlite(3_000_000_000L, CopyColumnKind.Integer));
    }
}
