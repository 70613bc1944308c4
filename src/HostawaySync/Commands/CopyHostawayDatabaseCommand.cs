using System.Globalization;
using System.Management.Automation;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Copy;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Copies a HostawaySync database to another store (SQLite file or PostgreSQL), sync state and sync log included, so the next sync there is incremental.</para>
/// </summary>
[Cmdlet(VerbsCommon.Copy, "HostawayDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(HostawayDatabaseCopy))]
public sealed class CopyHostawayDatabaseCommand : AsyncHostawayCmdlet
{
    /// <summary>Where to copy to: a SQLite file path, or a PostgreSQL URL or keyword connection string.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = string.Empty;

    /// <summary>What to copy: a SQLite file path, or a PostgreSQL URL. Default: the store in effect (DatabaseUrl, else DatabasePath).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Source { get; set; }

    /// <summary>Replace the HostawaySync data the destination already holds.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Root of the conversation files the search index is built from. Default: the ConversationsPath setting.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ConversationsPath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var source = Source is null ? ResolveSourceInEffect() : ResolveStoreText(Source);
        var destination = ResolveStoreText(Destination);
        var conversations = ResolveConversationsPath(ConversationsPath);
        StoreCopyPlan plan;
        try
        {
            // Reads both stores and writes nothing, so -WhatIf says what would be copied, and a refusal comes first.
            plan = StoreCopier.Plan(source, destination, Force);
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }

        if (!ShouldProcess(plan.Destination, Describe(plan, conversations)))
        {
            return;
        }

        var options = new StoreCopyOptions
        {
            Source = source,
            Destination = destination,
            Force = Force,
            ConversationsPath = conversations,
            ModuleVersion = ModuleVersion,
        };
        var progress = new CmdletCopyProgress(this);
        try
        {
            // Ctrl+C: the destination's transaction was rolled back (or, while the search index was built, the copy is
            // complete and the next sync finishes the index); there is nothing to report.
            if (TryRunEngine(token => StoreCopier.CopyAsync(options, EngineLog(), progress.Report, token), out var result))
            {
                WriteObject(HostawayDatabaseCopy.From(result));
            }
        }
        finally
        {
            progress.Complete();
        }
    }

    private StoreLocation ResolveSourceInEffect()
    {
        var choice = ResolveStoreChoice(null, null);
        WriteVerbose($"Copying from '{choice.Location.Display}': {choice.Reason}.");
        return choice.Location;
    }

    private static string Describe(StoreCopyPlan plan, string conversations)
    {
        var tables = string.Join(", ", plan.Tables.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Table} {t.Rows:N0}")));
        var replacing = plan.DestinationRows > 0
            ? string.Create(CultureInfo.InvariantCulture, $", replacing the {plan.DestinationRows:N0} rows of HostawaySync data it holds")
            : string.Empty;
        var index = plan.Tables.Any(t => t.Table == "messages_metadata" && t.Rows > 0)
            ? Directory.Exists(conversations)
                ? $"; then build its search index from the conversation files in '{conversations}'"
                : $"; its search index is left for its next sync to build (the conversations folder '{conversations}' does not exist)"
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"Copy {plan.Rows:N0} rows in {plan.Tables.Count} tables ({tables}) from '{plan.Source}'{replacing}{index}");
    }
}
