using System.Diagnostics;

namespace PovertyGraph.GraphQL.Execution;

/// <summary>
/// What the engine does that a response does not show (a field planned, a plan compiled, a compiled plan reused), as diagnostic events
/// for whoever listens (tests, a profiler); nothing is written when nobody listens.
/// </summary>
public static class EngineEvents
{
    public const string SourceName = "PovertyGraph.Engine";
    public const string Planned = "Planned";
    public const string PlanCompiled = "PlanCompiled";
    public const string CompiledPlanRun = "CompiledPlanRun";

    public static readonly DiagnosticListener Source = new(SourceName);

    /// <summary>Writes <paramref name="name"/> with its payload when someone listens.</summary>
    public static void Write(string name, object payload)
    {
        if (Source.IsEnabled(name)) Source.Write(name, payload);
    }
}
