using System.Text.Json.Nodes;

namespace PovertyGraph.Benchmarks;

/// <summary>
/// <c>{ __typename }</c> as OFFICIAL: the request pipeline alone (HTTP, token, GraphQL, JSON; no SQL). Only for
/// <c>--compare … --scenario F</c>, where a piece of the pipeline is a larger share than in B.
/// </summary>
internal sealed class FixedCostScenario : Scenario
{
    public override string Key => "F";
    public override string Title => "fixed cost: { __typename }";
    public override string Query => "{ __typename }";
    public override IReadOnlyList<SqlStatement> HandSql => [];
    public override List<string> FromGraphQL(JsonNode data) => [data["__typename"]!.GetValue<string>()];
    public override List<string> FromSql(IReadOnlyList<List<object?[]>> results) => ["Query"];
}
