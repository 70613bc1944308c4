using Dapper;
using Xunit.Abstractions;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>The throwaway server itself: it answers, and it starts fast enough for CI's 15-minute budget.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresServerTests(PostgresServer server, ITestOutputHelper output)
{
    [PostgresFact]
    public void Answers_and_starts_within_half_a_minute()
    {
        using var database = server.CreateDatabase();
        using var connection = database.Open();

        output.WriteLine($"initdb {server.InitDbTime.TotalSeconds:F2} s, pg_ctl start {server.StartTime.TotalSeconds:F2} s, server {connection.ServerVersion}");
        Assert.Equal(database.Name, connection.ExecuteScalar<string>("SELECT current_database();"));
        Assert.True(server.InitDbTime + server.StartTime < TimeSpan.FromSeconds(30), $"initdb + start took {server.InitDbTime + server.StartTime}.");
    }
}
