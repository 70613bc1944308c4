using System.Collections.Immutable;
using HostawaySync.Simulator.Model;

namespace HostawaySync.Simulator.Generation;

/// <summary>Realistic building blocks: places, people's names, listing words, amenities.</summary>
internal static class Catalog
{
    /// <summary>Places, several with non-ASCII and right-to-left text, and one zone with a 45-minute offset.</summary>
    public static readonly ImmutableArray<CityInfo> Cities = ImmutableArray.Create(
        new CityInfo("Hamburg", "Hamburg", "Germany", "DE", "Europe/Berlin", 53.5511, 9.9937, "EUR", "20095", "Mönckebergstraße"),
        new CityInfo("Lisbon", "Lisboa", "Portugal", "PT", "Europe/Lisbon", 38.7223, -9.1393, "EUR", "1100-148", "Rua Augusta"),
        new CityInfo("Austin", "TX", "United States", "US", "America/Chicago", 30.2672, -97.7431, "USD", "78701", "Congress Ave"),
        new CityInfo("Miami Beach", "FL", "United States", "US", "America/New_York", 25.7907, -80.1300, "USD", "33139", "Ocean Dr"),
        new CityInfo("London", "England", "United Kingdom", "GB", "Europe/London", 51.5072, -0.1276, "GBP", "NW1 6XE", "Baker Street"),
        new CityInfo("Kraków", "Małopolskie", "Poland", "PL", "Europe/Warsaw", 50.0647, 19.9450, "PLN", "31-042", "ulica Floriańska"),
        new CityInfo("São Paulo", "SP", "Brazil", "BR", "America/Sao_Paulo", -23.5505, -46.6333, "BRL", "01310-100", "Avenida Paulista"),
        new CityInfo("Zürich", "ZH", "Switzerland", "CH", "Europe/Zurich", 47.3769, 8.5417, "CHF", "8001", "Bahnhofstrasse"),
        new CityInfo("Tel Aviv", "Tel Aviv District", "Israel", "IL", "Asia/Jerusalem", 32.0853, 34.7818, "ILS", "6100000", "שדרות רוטשילד"),
        new CityInfo("Dubai", "Dubai", "United Arab Emirates", "AE", "Asia/Dubai", 25.2048, 55.2708, "AED", "00000", "شارع الشيخ زايد"),
        new CityInfo("Tokyo", "Tokyo", "Japan", "JP", "Asia/Tokyo", 35.6762, 139.6503, "JPY", "150-0001", "神宮前"),
        new CityInfo("Sydney", "NSW", "Australia", "AU", "Australia/Sydney", -33.8688, 151.2093, "AUD", "2000", "George St"),
        new CityInfo("Cape Town", "Western Cape", "South Africa", "ZA", "Africa/Johannesburg", -33.9249, 18.4241, "ZAR", "8001", "Long Street"),
        new CityInfo("Reykjavík", "Capital Region", "Iceland", "IS", "Atlantic/Reykjavik", 64.1466, -21.9426, "ISK", "101", "Laugavegur"),
        new CityInfo("Mexico City", "CDMX", "Mexico", "MX", "America/Mexico_City", 19.4326, -99.1332, "MXN", "06700", "Calle Colima"),
        new CityInfo("Kathmandu", "Bagmati", "Nepal", "NP", "Asia/Kathmandu", 27.7172, 85.3240, "NPR", "44600", "Thamel Marg"));

    /// <summary>First names from many languages.</summary>
    public static readonly ImmutableArray<string> FirstNames = ImmutableArray.Create(
        "Andrea", "Maria", "José", "Zoë", "Søren", "Aiko", "Mohammed", "Chloé", "Olga", "Priya", "Liam", "Noah",
        "Emma", "Sofia", "Lukas", "Mateo", "Yuki", "Fatima", "Ahmed", "Ingrid", "Björn", "Amélie", "Hannah", "David",
        "Sarah", "Wei", "Mei", "Ivan", "Anna", "Carlos", "Lucía", "Oluwaseun", "Siobhán", "Zoltán", "Dmitri",
        "Ananya", "Kai", "Leilani", "Jonas", "Michael", "Jennifer", "Linda", "James", "Robert", "Elena", "Tomás");

    /// <summary>Last names, with apostrophes, particles and diacritics.</summary>
    public static readonly ImmutableArray<string> LastNames = ImmutableArray.Create(
        "Lindqvist", "García", "Müller", "O'Connor", "Schneider", "Nguyễn", "Kowalski", "Bianchi", "Dubois", "Tanaka",
        "Silva", "Johansson", "Jensen", "Hernández", "Novak", "Kim", "Schmidt", "Papadopoulos", "Al-Farsi", "Cohen",
        "van der Berg", "De la Cruz", "Øvergaard", "Łukasiewicz", "Brown", "Wilson", "Taylor", "Lee", "Moreau",
        "Ivanova", "Okafor", "MacDonald", "D'Angelo", "Fernández-López", "Yılmaz", "Sato");

    /// <summary>E-mail domains.</summary>
    public static readonly ImmutableArray<string> EmailDomains = ImmutableArray.Create(
        "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "example.com", "web.de", "hotmail.co.uk", "proton.me");

    /// <summary>Adjectives for listing names.</summary>
    public static readonly ImmutableArray<string> ListingAdjectives = ImmutableArray.Create(
        "Lovely", "Cozy", "Sunny", "Modern", "Charming", "Spacious", "Quiet", "Bright", "Rustic", "Luxury",
        "Stylish", "Historic", "Minimalist", "Family-friendly");

    /// <summary>Nouns for listing names.</summary>
    public static readonly ImmutableArray<string> ListingNouns = ImmutableArray.Create(
        "apartment", "loft", "studio", "villa", "cottage", "townhouse", "penthouse", "cabin", "bungalow", "flat",
        "guest suite", "beach house");

    /// <summary>Trailing parts of listing names.</summary>
    public static readonly ImmutableArray<string> ListingPlaces = ImmutableArray.Create(
        "near the central station", "near the beach", "with balcony", "in the old town", "with garden & BBQ",
        "by the river", "with sea view", "next to the station", "with free parking", "steps from cafés");

    /// <summary>Amenity ids and names (a subset of the real amenity table).</summary>
    public static readonly ImmutableArray<(int Id, string Name)> Amenities = ImmutableArray.Create(
        (1, "Cable TV"), (2, "Internet"), (3, "Wireless"), (4, "Air conditioning"), (5, "Wheelchair accessible"),
        (6, "Pool"), (7, "Kitchen"), (8, "Free parking on premises"), (9, "Doorman"), (10, "Gym"), (11, "Elevator"),
        (12, "Hot tub"), (13, "Heating"), (14, "Family/kid friendly"), (15, "Suitable for events"),
        (16, "Washer"), (17, "Dryer"), (18, "Smoke detector"), (19, "Carbon monoxide detector"), (20, "First aid kit"),
        (21, "Fire extinguisher"), (22, "Essentials"), (23, "Shampoo"), (24, "24-hour check-in"), (25, "Hangers"),
        (26, "Hair dryer"), (27, "Iron"), (28, "Laptop friendly workspace"), (29, "Private entrance"),
        (30, "Baby bath"), (31, "High chair"), (32, "Crib"), (33, "Coffee maker"), (34, "Dishwasher"));

    /// <summary>Image caption words.</summary>
    public static readonly ImmutableArray<string> ImageCaptions = ImmutableArray.Create(
        "Living room", "Kitchen", "Bedroom", "Master bedroom", "Bathroom", "Balcony", "View", "Hall", "Terrace",
        "Garden", "Entrance", "Dining area", "Pool", "Street view", "Workspace");

    /// <summary>Custom field ids defined on the simulated account.</summary>
    public static readonly ImmutableArray<int> CustomFieldIds = ImmutableArray.Create(167, 243, 301, 412);
}
