using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>ngte</c>: not greater than or equal to.</summary>
public sealed class NotGreaterThanOrEqualOperation() : ComparisonOperation("ngte", "Not greater than or equal to.", ExpressionType.GreaterThanOrEqual, negate: true);
