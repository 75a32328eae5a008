using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>gt</c>: greater than.</summary>
public sealed class GreaterThanOperation() : ComparisonOperation("gt", "Greater than.", ExpressionType.GreaterThan, negate: false);
