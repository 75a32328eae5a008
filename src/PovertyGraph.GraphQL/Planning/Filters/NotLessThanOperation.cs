using System.Linq.Expressions;

namespace PovertyGraph.GraphQL.Planning.Filters;

/// <summary><c>nlt</c>: not less than.</summary>
public sealed class NotLessThanOperation() : ComparisonOperation("nlt", "Not less than.", ExpressionType.LessThan, negate: true);
