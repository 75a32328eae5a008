using PovertyGraph.Data;

namespace PovertyGraph.Tests.Data;

/// <summary>One environment variable is enough: the provider follows from the connection string unless configured.</summary>
public sealed class DatabaseOptionsTests
{
    [Theory]
    [InlineData("data/povertygraph.db", DatabaseProvider.Sqlite)]
    [InlineData("/var/lib/povertygraph/a=b.db", DatabaseProvider.Sqlite)]
    [InlineData("Data Source=/tmp/x.db;Cache=Private", DatabaseProvider.Sqlite)]
    [InlineData("Host=db.example;Database=povertygraph;Username=app;Password=secret", DatabaseProvider.Postgres)]
    [InlineData("server=127.0.0.1;port=5433;database=pg;user id=app", DatabaseProvider.Postgres)]
    public void The_provider_is_read_from_the_connection_string(string connectionString, DatabaseProvider expected)
    {
        var options = new DatabaseOptions { ConnectionString = connectionString };
        Assert.Equal(DatabaseProvider.Auto, options.Provider);
        Assert.Equal(expected, options.EffectiveProvider);
    }

    [Fact]
    public void A_configured_provider_wins()
    {
        var options = new DatabaseOptions { ConnectionString = "Host=localhost", Provider = DatabaseProvider.Sqlite };
        Assert.Equal(DatabaseProvider.Sqlite, options.EffectiveProvider);
    }
}
