using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>nlte</c>: not less than or equal to.</summary>
public sealed class NotLessThanOrEqualOperation() : ComparisonOperation("nlte", "Not less than or equal to.", ExpressionType.LessThanOrEqual, negate: true);
