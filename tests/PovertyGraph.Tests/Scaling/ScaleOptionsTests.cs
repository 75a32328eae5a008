using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PovertyGraph.Data;
using PovertyGraph.Data.Generation;

namespace PovertyGraph.Tests.Scaling;

/// <summary>The scale options, read before anything touches a database: profiles and factors, and the read-replica host list.</summary>
public sealed class ScaleOptionsTests
{
    [Theory]
    [InlineData("national-sample", null, true, 10.0, "national-sample ×10")]
    [InlineData("National-Sample", 2.5, true, 2.5, "national-sample ×2.5")]
    [InlineData("province", null, true, 1.0, "province")]
    [InlineData("jiaohe", null, false, 1.0, "jiaohe")]
    [InlineData("jiaohe", 1.05, false, 1.05, "jiaohe ×1.05")]
    public void Profiles_and_factors(string name, double? factor, bool provinceScale, double scale, string label)
    {
        var profile = DatasetProfile.From(new DatabaseOptions { Profile = name, ScaleFactor = factor });
        Assert.Equal((provinceScale, scale, label), (profile.ProvinceScale, profile.Scale, profile.Label));
    }

    [Theory]
    [InlineData("provnce", null, "provnce")]
    [InlineData("national-sample", 0.5, "ScaleFactor")]
    [InlineData("national-sample", 100.0, "ScaleFactor")]
    [InlineData("province", double.NaN, "ScaleFactor")]
    public void An_unknown_profile_or_a_factor_out_of_range_is_refused(string name, double? factor, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatasetProfile.From(new DatabaseOptions { Profile = name, ScaleFactor = factor }));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Reads_try_the_replicas_from_the_chosen_one_then_the_primary()
    {
        const string primary = "Host=db-primary;Port=5433;Username=pg;Password=secret;Database=povertygraph";
        string[] replicas = ["Host=db-r1", "Host=db-r2;Port=6000;Database=povertygraph;Username=pg", "Host=db-r3:7000"];
        var built = new NpgsqlConnectionStringBuilder(ReadReplicaDataSource.ConnectionString(primary, replicas, firstReplica: 1));
        Assert.Equal("db-r2:6000,db-r3:7000,db-r1:5432,db-primary:5433", built.Host);
        Assert.Equal(("povertygraph", "pg", "secret", false), (built.Database, built.Username, built.Password, built.LoadBalanceHosts));
    }

    [Theory]
    [InlineData("Host=db-r1;Database=other", "'database'")]
    [InlineData("Host=db-r1;Username=someone", "'username'")]
    [InlineData("Port=6000", "no Host")]
    [InlineData("Host=db-r1;Colour=blue", "not a PostgreSQL connection string")]
    public void A_replica_that_is_not_the_primary_s_database_is_refused(string replica, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ReadReplicaDataSource.ConnectionString("Host=db-primary;Username=pg;Database=povertygraph", ["Host=ok", replica], 0));
        Assert.Contains("Database:ReadReplicas:1", error.Message);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Read_replicas_with_SQLite_are_refused()
    {
        var options = new DatabaseOptions { ConnectionString = "data/x.db", ReadReplicas = ["Host=db-r1"] };
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPovertyGraphData(options));
        Assert.Contains("SQLite", error.Message);
    }
}
