namespace HostawaySync.Simulator.Model;

/// <summary>A place listings can be in, with everything that must agree with it (country, zone, currency).</summary>
internal sealed record CityInfo(
    string City,
    string State,
    string Country,
    string CountryCode,
    string TimeZone,
    double Lat,
    double Lng,
    string Currency,
    string ZipCode,
    string Street);
