using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// Computes an operation's <see cref="OperationCost"/> from its document, before anything runs, in time linear in the
/// document's size: a fragment is costed once per scope it is used in and remembered, never expanded again, so a
/// document whose fragments spread each other twice per level costs 2ⁿ without being walked 2ⁿ times. Costs
/// multiply down the tree (a field's selection runs <see cref="FieldCost.ChildMultiplier"/> times per occurrence);
/// field and alias counts add up without multiplying. What a single field costs is the estimator's business.
/// </summary>
public sealed class CostAnalyzer(IFieldCostEstimator estimator, Func<IGraphType, bool> describesPersons, long maxVisits)
{
    /// <summary>Fragments nested through spreads deeper than this stop the analysis (the operation is refused).</summary>
    public const int MaxFragmentNesting = 100;

    /// <param name="runtime">The request the estimator plans fields for, or null to cost without planning.</param>
    public OperationCost Analyze(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation,
        Func<GraphQLField, IDictionary<string, ArgumentValue>?> arguments, QueryRuntime? runtime = null)
    {
        IObjectGraphType? root = operation.Operation switch
        {
            OperationType.Query => schema.Query,
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => null,
        };
        if (root == null) return new OperationCost(0, 0, 0, 0, false);
        var walk = new Walk(this, schema, document, arguments, runtime);
        var tally = walk.SelectionSet(operation.SelectionSet, root, null, 0);
        return new OperationCost(tally.Points, tally.Fields, tally.Aliases, tally.Depth, tally.Personal, !walk.Stopped);
    }

    /// <summary>The sums over one selection set, for one occurrence of it.</summary>
    private record struct Tally(double Points, double Fields, double Aliases, int Depth, bool Personal)
    {
        public void Add(in Tally other, double multiplier = 1)
        {
            Points += multiplier * other.Points;
            Fields += other.Fields;
            Aliases += other.Aliases;
            Depth = Math.Max(Depth, other.Depth);
            Personal |= other.Personal;
        }
    }

    private sealed class Walk(CostAnalyzer analyzer, ISchema schema, GraphQLDocument document, Func<GraphQLField, IDictionary<string, ArgumentValue>?> arguments,
        QueryRuntime? runtime)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions
            .OfType<GraphQLFragmentDefinition>().GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<(string Name, object? Scope), Tally> _costed = new();
        private readonly HashSet<(string Name, object? Scope)> _inProgress = new();
        private long _visits;

        public bool Stopped { get; private set; }

        public Tally SelectionSet(GraphQLSelectionSet set, IGraphType parent, object? scope, int fragmentNesting)
        {
            var tally = new Tally();
            foreach (var selection in set.Selections)
            {
                if (Stopped) break;
                switch (selection)
                {
                    case GraphQLField field:
                        tally.Add(Field(field, parent, scope, fragmentNesting));
                        break;
                    case GraphQLInlineFragment inline:
                        var type = inline.TypeCondition is { } condition ? schema.AllTypes[condition.Type.Name.StringValue] ?? parent : parent;
                        tally.Add(SelectionSet(inline.SelectionSet, type, scope, fragmentNesting));
                        break;
                    case GraphQLFragmentSpread spread:
                        tally.Add(Fragment(spread.FragmentName.Name.StringValue, scope, fragmentNesting + 1));
                        break;
                }
            }
            return tally;
        }

        private Tally Fragment(string name, object? scope, int fragmentNesting)
        {
            var key = (name, scope);
            if (_costed.TryGetValue(key, out var known)) return known;
            if (!_fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(key)) return default; // unknown or cyclic: validation's business
            if (fragmentNesting > MaxFragmentNesting)
            {
                Stopped = true;
                return default;
            }
            var type = schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue];
            var tally = type == null ? default : SelectionSet(fragment.SelectionSet, type, scope, fragmentNesting);
            _inProgress.Remove(key);
            if (!Stopped) _costed[key] = tally;
            return tally;
        }

        private Tally Field(GraphQLField node, IGraphType parent, object? scope, int fragmentNesting)
        {
            if (++_visits > analyzer._maxVisits)
            {
                Stopped = true;
                return default;
            }
            var tally = new Tally(0, 1, node.Alias != null ? 1 : 0, 1, analyzer._describesPersons(parent));
            var definition = Definition(node, parent);
            if (definition == null) return tally; // validation reports unknown fields
            var cost = analyzer._estimator.Estimate(new FieldCostRequest(parent, definition, node, arguments(node), scope, document, runtime));
            tally.Points = cost.Points;
            if (node.SelectionSet is { } children && definition.ResolvedType?.GetNamedType() is { } type)
            {
                var inner = SelectionSet(children, type, cost.Scope, fragmentNesting);
                inner.Depth += 1;
                tally.Add(inner, cost.ChildMultiplier);
            }
            return tally;
        }

        private FieldType? Definition(GraphQLField node, IGraphType parent)
        {
            var name = node.Name.StringValue;
            if (name == "__typename") return schema.TypeNameMetaFieldType;
            if (ReferenceEquals(parent, schema.Query) && name == "__schema") return schema.SchemaMetaFieldType;
            if (ReferenceEquals(parent, schema.Query) && name == "__type") return schema.TypeMetaFieldType;
            return (parent as IComplexGraphType)?.GetField(name);
        }
    }

    private readonly IFieldCostEstimator _estimator = estimator;
    private readonly Func<IGraphType, bool> _describesPersons = describesPersons;
    private readonly long _maxVisits = maxVisits;
}
