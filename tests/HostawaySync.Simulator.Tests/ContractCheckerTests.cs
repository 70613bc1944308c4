using System.Text.Json.Nodes;
using HostawaySync.Simulator.Tests.Infrastructure;

namespace HostawaySync.Simulator.Tests;

/// <summary>The contract checker itself catches what it must, so a passing contract test means something.</summary>
public sealed class ContractCheckerTests
{
    [SamplesFact]
    public void Checker_reports_missing_unexpected_and_wrongly_typed_keys_and_accepts_the_sample_itself()
    {
        var contract = Contracts.ListingImage();
        var errors = new List<string>();
        var valid = Samples.Load("listing-image.json");
        valid["bookingEngineCaption"] = null;
        contract.Check(valid, "sample", errors);
        Assert.Empty(errors);

        var broken = valid.DeepClone().AsObject();
        broken.Remove("url");
        broken["sortOrder"] = "2";
        broken["caption"] = null;
        broken["surprise"] = 1;
        contract.Check(broken, "broken", errors);
        Assert.Contains(errors, e => e.Contains("missing key 'url'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unexpected key 'surprise'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'sortOrder' is String", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'caption' is Null", StringComparison.Ordinal));
    }

    [SamplesFact]
    public void Checker_treats_flags_as_numbers_and_true_false_as_one_kind()
    {
        var contract = Contracts.Listing();
        var listing = Samples.Load("listing-single.json");
        listing["insertedOn"] = "2026-01-01 00:00:00";
        listing["latestActivityOn"] = "2026-01-01 00:00:00";
        listing["isRentalAgreementActive"] = false;
        var errors = new List<string>();
        contract.Check(listing, "sample", errors);
        Assert.Empty(errors);

        listing["instantBookable"] = true;
        contract.Check(listing, "bool flag", errors);
        Assert.Contains(errors, e => e.Contains("'instantBookable' is True", StringComparison.Ordinal));
    }
}
