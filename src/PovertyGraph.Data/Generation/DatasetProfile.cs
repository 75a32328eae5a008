using System.Globalization;

namespace PovertyGraph.Data.Generation;

/// <summary>
/// What a first-run build makes, read from <c>Database:Profile</c> and <c>Database:ScaleFactor</c>: the province's
/// households everywhere or only in Jiaohe, and how many times that size the dataset is (the rest being
/// <see cref="ProvinceReplicas"/>). Refuses a name or a factor it does not know before anything is written.
/// </summary>
public sealed record DatasetProfile(string Name, bool ProvinceScale, double Scale)
{
    public const string Province = "province";
    public const string Jiaohe = "jiaohe";
    public const string NationalSample = "national-sample";

    /// <summary>Replicas are numbered with two digits (region codes 9RRCCC, <see cref="ProvinceReplicas"/>).</summary>
    public const double MaxScale = 99;

    /// <summary>The national-sample's factor when none is configured: about 3.5 million households, 7 million persons.</summary>
    public const double NationalSampleScale = 10;

    public static DatasetProfile From(DatabaseOptions options)
    {
        var name = options.Profile.Trim().ToLowerInvariant();
        var (provinceScale, defaultScale) = name switch
        {
            Province => (true, 1.0),
            Jiaohe => (false, 1.0),
            NationalSample => (true, NationalSampleScale),
            _ => throw new InvalidOperationException(
                $"Database:Profile '{options.Profile}' is not a profile; use {Province}, {Jiaohe} or {NationalSample}."),
        };
        var scale = options.ScaleFactor ?? defaultScale;
        if (double.IsNaN(scale) || scale < 1 || scale > MaxScale)
        {
            throw new InvalidOperationException(
                $"Database:ScaleFactor {options.ScaleFactor?.ToString(CultureInfo.InvariantCulture)} is out of range: from 1 to {MaxScale}.");
        }

        return new DatasetProfile(name, provinceScale, scale);
    }

    /// <summary>What <see cref="DatasetInfo.Profile"/> records: the name, with the factor when it is not 1 ("national-sample ×10").</summary>
    public string Label => Scale == 1 ? Name : $"{Name} ×{Scale.ToString("0.###", CultureInfo.InvariantCulture)}";
}
