using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>lte</c>: less than or equal to.</summary>
public sealed class LessThanOrEqualOperation() : ComparisonOperation("lte", "Less than or equal to.", ExpressionType.LessThanOrEqual, negate: false);
