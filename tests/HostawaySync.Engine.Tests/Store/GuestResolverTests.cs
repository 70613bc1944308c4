using Dapper;
using HostawaySync.Engine.Api.Models;
using HostawaySync.Engine.Store;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Store;

public sealed class GuestResolverTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SqliteConnection _db;

    public GuestResolverTests()
    {
        var path = _temp.Combine("guests.db");
        DatabaseInitializer.Initialize(path);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = true }.ToString());
        _db.Open();
    }

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Emails_match_trimmed_and_case_insensitively()
    {
        Write(Reservation(1, email: "Ann@Example.com"), Reservation(2, email: "  ann@example.COM "));

        Assert.Single(GuestsOf(1, 2).Distinct());
    }

    [Fact]
    public void Guest_account_ids_match_when_there_is_no_email()
    {
        Write(Reservation(1, external: "airbnb-77"), Reservation(2, external: "airbnb-77"), Reservation(3, external: "airbnb-78"));

        var guests = GuestsOf(1, 2, 3);
        Assert.Equal(guests[0], guests[1]);
        Assert.NotEqual(guests[0], guests[2]);
    }

    [Fact]
    public void Reservations_without_email_or_account_id_are_guests_of_their_own_and_keep_them()
    {
        Write(Reservation(1), Reservation(2));
        var before = GuestsOf(1, 2);

        Write(Reservation(1, price: 300), Reservation(2, price: 400));

        Assert.NotEqual(before[0], before[1]);
        Assert.Equal(before, GuestsOf(1, 2));
    }

    [Fact]
    public void A_reservation_that_links_two_known_guests_merges_them_into_the_older_one_and_records_it()
    {
        Write(Reservation(1, email: "ann@example.com"), Reservation(2, external: "vrbo-5"));
        var (older, younger) = (GuestsOf(1)[0], GuestsOf(2)[0]);

        Write(Reservation(3, email: "ANN@example.com", external: "vrbo-5"));

        Assert.Equal([older, older, older], GuestsOf(1, 2, 3));
        var merge = _db.QuerySingle<(long Merged, long Survivor)>("SELECT merged_guest_id, survivor_guest_id FROM guest_merges;");
        Assert.Equal((younger, older), merge);
        Assert.Equal(older, _db.ExecuteScalar<long>("SELECT merged_into_guest_id FROM guests WHERE guest_id = @Id;", new { Id = younger }));
        Assert.Equal(3, _db.ExecuteScalar<long>("SELECT reservation_count FROM guests WHERE guest_id = @Id;", new { Id = older }));
    }

    [Fact]
    public void A_guest_id_never_changes_because_new_reservations_arrive()
    {
        Write(Reservation(1, email: "bob@example.com", name: "Bob"));
        var id = GuestsOf(1)[0];

        Write(Reservation(2, email: "bob@example.com", name: "Robert", arrival: new DateOnly(2027, 1, 1)), Reservation(3, external: "x-1"));
        Write(Reservation(4, email: "BOB@example.com", external: "x-1"));

        Assert.Equal([id, id, id, id], GuestsOf(1, 2, 3, 4));
        Assert.Equal("Robert", _db.ExecuteScalar<string>("SELECT full_name FROM guests WHERE guest_id = @Id;", new { Id = id }));
        Assert.Equal("bob@example.com", _db.ExecuteScalar<string>("SELECT email FROM guests WHERE guest_id = @Id;", new { Id = id }));
    }

    [Fact]
    public void Guests_merged_earlier_follow_their_survivor_when_it_is_merged_in_turn()
    {
        Write(Reservation(1, email: "ann@example.com"), Reservation(2, email: "bea@example.com"), Reservation(3, external: "y-3"));
        var (first, second, third) = (GuestsOf(1)[0], GuestsOf(2)[0], GuestsOf(3)[0]);

        Write(Reservation(4, email: "bea@example.com", external: "y-3"));
        Write(Reservation(5, email: "ann@example.com", external: "y-3"));

        Assert.Equal([first, first, first, first, first], GuestsOf(1, 2, 3, 4, 5));
        var mergedInto = _db.Query<(long Guest, long? Into)>("SELECT guest_id, merged_into_guest_id FROM guests WHERE guest_id IN (@Second, @Third) ORDER BY guest_id;", new { Second = second, Third = third });
        Assert.Equal([(second, first), (third, first)], mergedInto);
        Assert.Equal(5, _db.ExecuteScalar<long>("SELECT reservation_count FROM guests WHERE guest_id = @Id;", new { Id = first }));
    }

    [Theory]
    [InlineData("\"Lyon\"", "42", "null")]
    [InlineData("true", "\"FR\"", "\"fr-FR\"")]
    [InlineData("{\"name\":\"Lyon\"}", "4.5", "[1]")]
    [InlineData("\"Ly\\u0000on\"", "-7", "false")]
    public void Guest_city_country_and_locale_are_what_SQLite_reads_from_the_stored_JSON(string city, string country, string locale)
    {
        var json = $$"""{"id":9,"listingMapId":1,"guestEmail":"x@example.com","arrivalDate":"2026-03-01","guestCity":{{city}},"guestCountry":{{country}},"guestLocale":{{locale}}}""";
        using var document = System.Text.Json.JsonDocument.Parse(json);

        Write(HostawayReservation.FromJson(document.RootElement));

        // What SQLite's json_extract reads from the stored row, with the guests columns' TEXT affinity applied.
        var expected = _db.QuerySingle<(object?, object?, object?)>(
            "SELECT CAST(json_extract(raw_json, '$.guestCity') AS TEXT), CAST(json_extract(raw_json, '$.guestCountry') AS TEXT), CAST(json_extract(raw_json, '$.guestLocale') AS TEXT) FROM reservations WHERE reservation_id = 9;");
        var stored = _db.QuerySingle<(object?, object?, object?)>("SELECT city, country, locale FROM guests WHERE guest_id = (SELECT guest_id FROM reservations WHERE reservation_id = 9);");
        Assert.Equal(expected, stored);
    }

    private void Write(params HostawayReservation[] reservations)
    {
        using var transaction = _db.BeginTransaction();
        ReservationWriter.Write(_db, transaction, reservations, "2026-11-28T00:00:00Z");
        transaction.Commit();
    }

    private long[] GuestsOf(params long[] reservationIds) =>
        reservationIds.Select(id => _db.ExecuteScalar<long>("SELECT guest_id FROM reservations WHERE reservation_id = @Id;", new { Id = id })).ToArray();

    private static HostawayReservation Reservation(long id, string? email = null, string? external = null, string name = "Guest", decimal price = 100, DateOnly? arrival = null) => new()
    {
        Id = id,
        ListingId = 1,
        GuestEmail = email,
        GuestExternalAccountId = external,
        GuestName = name,
        TotalPrice = price,
        ArrivalDate = arrival ?? new DateOnly(2026, 1, (int)id),
        RawJson = $$"""{"id":{{id}},"guestEmail":"{{email}}","external":"{{external}}","name":"{{name}}","price":{{price}},"arrival":"{{arrival}}"}""",
    };
}
