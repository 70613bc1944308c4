using Xunit.Abstractions;
using Xunit.Sdk;

namespace HostawaySync.Engine.Tests.Store.Contract;

/// <summary>Skips the PostgreSQL run of a contract test where no server can be had; a fact's Skip cannot depend on the class that inherits it.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (typeof(PostgresStoreContractTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) && Postgres.PostgresServer.SkipReason is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
