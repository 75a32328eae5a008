namespace PovertyGraph.Data;

/// <summary>
/// One data version's entry in the changelog: when it was made (a build or an import), the rows of each table before and
/// after, and the published figures that changed, as JSON text (<see cref="DatasetChangelog"/>). Kept in the database,
/// so every server of a deployment serves the same changelog.
/// </summary>
public class DatasetChange
{
    public int Id { get; set; }
    public string Version { get; set; } = "";
    /// <summary>"build" or "import".</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>JSON: [{"table":"villages","before":4565,"after":4566}, …], every table.</summary>
    public string Tables { get; set; } = "[]";
    /// <summary>JSON: [{"figure":"households in 蛟河市","before":"5832","after":"5840"}, …], only the figures that changed.</summary>
    public string Figures { get; set; } = "[]";
}
