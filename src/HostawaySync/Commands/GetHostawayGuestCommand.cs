using System.Management.Automation;
using HostawaySync.Engine.Queries;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets guests from the local database: one entry per person across their reservations.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "HostawayGuest")]
[OutputType(typeof(HostawayGuest))]
public sealed class GetHostawayGuestCommand : StoreQueryCmdlet
{
    /// <summary>Guest ids (binds from Get-HostawayReservation output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public long[]? GuestId { get; set; }

    /// <summary>Guest names; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Emails; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Email { get; set; }

    /// <summary>Also guests all of whose reservations the API no longer has.</summary>
    [Parameter]
    public SwitchParameter IncludeDeleted { get; set; }

    /// <summary>The SQLite database. Default: the store the settings choose (see Get-HostawayConfiguration); binds from the output of the Get-Hostaway cmdlets.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabasePath { get; set; }

    /// <summary>A PostgreSQL database instead: postgresql://user@host:port/database?schema=name or Host=...;Database=... (binds from the output of the Get-Hostaway cmdlets).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabaseUrl { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var store = ResolveStore(DatabasePath, DatabaseUrl);
        WriteRecords(store, StoreReader.Guests(store, new GuestFilter(GuestId, Name, Email, IncludeDeleted)), g => g.GuestId, HostawayGuest.From);
    }
}
