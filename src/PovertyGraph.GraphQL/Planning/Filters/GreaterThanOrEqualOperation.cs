using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>gte</c>: greater than or equal to.</summary>
public sealed class GreaterThanOrEqualOperation() : ComparisonOperation("gte", "Greater than or equal to.", ExpressionType.GreaterThanOrEqual, negate: false);
