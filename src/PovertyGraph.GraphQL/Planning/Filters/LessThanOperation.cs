using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>lt</c>: less than.</summary>
public sealed class LessThanOperation() : ComparisonOperation("lt", "Less than.", ExpressionType.LessThan, negate: false);
