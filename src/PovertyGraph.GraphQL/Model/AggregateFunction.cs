namespace PovertyGraph.GraphQL.Model;

public enum AggregateFunction { Sum, Avg, Min, Max }
