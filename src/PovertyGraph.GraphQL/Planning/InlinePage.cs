using GraphQLParser.AST;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Planning;

/// <summary>A nested connection whose page each parent row fetches in its own statement (a correlated JSON subquery).</summary>
public sealed record InlinePage(ToManyRelation Relation, GraphQLField Field, ConnectionPlan Plan);
