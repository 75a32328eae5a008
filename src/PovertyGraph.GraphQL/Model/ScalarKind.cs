namespace PovertyGraph.GraphQL.Model;

/// <summary>How a scalar is shown in the API.</summary>
public enum ScalarKind { String, Int, Boolean, Enum, Money, Date, PartialDate, DateTime, Id }
