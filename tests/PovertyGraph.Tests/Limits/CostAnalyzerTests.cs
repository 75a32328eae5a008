using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using PovertyGraph.GraphQL.Cost;

namespace PovertyGraph.Tests.Limits;

/// <summary>The analysis is linear in the document: a fragment is costed once per scope, however often it is spread.</summary>
[Collection(ApiCollection.Name)]
public sealed class CostAnalyzerTests(PovertyGraphFactory factory)
{
    /// <summary>Counts the fields the analyzer asks about (each ask is one visit of a selection).</summary>
    private sealed class CountingEstimator(IFieldCostEstimator inner) : IFieldCostEstimator
    {
        public int Asked;
        public FieldCost Estimate(in FieldCostRequest request)
        {
            Asked++;
            return inner.Estimate(request);
        }
    }

    private static int FieldNodes(ASTNode node) =>
        (node is GraphQLField ? 1 : 0) + node switch
        {
            GraphQLDocument d => d.Definitions.Sum(FieldNodes),
            IHasSelectionSetNode { SelectionSet: { } set } => set.Selections.Sum(FieldNodes),
            _ => 0,
        };

    [Fact]
    public async Task Each_field_of_a_doubling_document_is_visited_once_per_scope()
    {
        await factory.QueryAsync("{ __typename }");
        var schema = factory.Services.GetRequiredService<ISchema>();
        var estimator = new CountingEstimator(factory.Services.GetRequiredService<IFieldCostEstimator>());
        const int levels = 40;
        var text = "query { villages(first: 2) { nodes { ...F0 } } }\n" + string.Concat(Enumerable.Range(0, levels).Select(k =>
            $"fragment F{k} on Village {{ a: county {{ name }} ...G{k} }} fragment G{k} on Village {{ x: projects(first: 2) {{ nodes {{ village {{ ...F{k + 1} }} }} }} y: projects(first: 2) {{ nodes {{ village {{ ...F{k + 1} }} }} }} }}\n"))
            + $"fragment F{levels} on Village {{ name }}";
        var document = GraphQLParser.Parser.Parse(text);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();

        var cost = new CostAnalyzer(estimator, PersonalRows.Describe, CostAnalysisRule.MaxVisits).Analyze(schema, document, operation, _ => null);

        Assert.True(estimator.Asked <= FieldNodes(document), $"{estimator.Asked} visits for {FieldNodes(document)} field selections");
        Assert.True(cost.Fields > 1L << levels, $"{cost.Fields} fields counted"); // every spread counted where it is used
        Assert.True(cost.Complete);
    }

    [Fact]
    public async Task Any_field_of_a_household_or_person_makes_an_answer_personal()
    {
        await factory.QueryAsync("{ __typename }");
        var schema = factory.Services.GetRequiredService<ISchema>();
        var estimator = factory.Services.GetRequiredService<IFieldCostEstimator>();
        bool Personal(string text)
        {
            var document = GraphQLParser.Parser.Parse(text);
            var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
            return new CostAnalyzer(estimator, PersonalRows.Describe, CostAnalysisRule.MaxVisits).Analyze(schema, document, operation, _ => null).PersonalData;
        }
        Assert.True(Personal("{ households(first: 1) { nodes { memberCount } } }"));
        Assert.True(Personal("{ villages { nodes { households { nodes { id } } } } }"));
        Assert.True(Personal("query { node(id: \"x\") { ...H } } fragment H on Household { type }"));
        Assert.True(Personal("{ node(id: \"x\") { ... on Person { gender } } }"));
        Assert.False(Personal("{ households { totalCount aggregates { count } groupedAggregates(groupBy: [COUNTY]) { keys { county { name } } count } } }"));
        Assert.False(Personal("{ villages(first: 5) { nodes { name county { name } projects { totalCount } } } }"));
    }
}
