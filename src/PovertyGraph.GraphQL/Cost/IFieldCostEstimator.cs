namespace PovertyGraph.GraphQL.Cost;

/// <summary>
/// The cost of one field selection, the seam between cost analysis and what a field runs. <see cref="CostAnalyzer"/>
/// walks the operation and multiplies; an estimator only says what one occurrence of a field costs and how many times
/// its children run. <see cref="PlanCostEstimator"/> plans connection fields and reads their cost from the plans.
/// </summary>
public interface IFieldCostEstimator
{
    FieldCost Estimate(in FieldCostRequest request);
}
