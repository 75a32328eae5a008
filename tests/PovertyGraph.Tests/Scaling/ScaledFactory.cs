namespace PovertyGraph.Tests.Scaling;

/// <summary>The server on the jiaohe profile at <see cref="Scale"/> times its size: Jilin and replicas of it (the national sample's machinery).</summary>
public sealed class ScaledFactory : PovertyGraphFactory
{
    public const double Scale = 2.5;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Database:ScaleFactor"] = Scale.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
