using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>ngt</c>: not greater than.</summary>
public sealed class NotGreaterThanOperation() : ComparisonOperation("ngt", "Not greater than.", ExpressionType.GreaterThan, negate: true);
