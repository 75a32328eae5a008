namespace PovertyGraph.GraphQL.Model;

/// <summary>
/// What a numeric field counts or measures, as downloads and their metadata state it, and whether values in it add
/// up (a cell's sum of members is persons; a sum of years or of incomes per person means nothing).
/// </summary>
public sealed record Unit(string Name, string Description, bool Additive)
{
    public static readonly Unit Yuan = new("yuan", "Chinese yuan (元), whole yuan", true);
    public static readonly Unit YuanPerPersonPerYear = new("yuan per person per year", "Chinese yuan (元) per household member per year", false);
    public static readonly Unit Persons = new("persons", "number of persons (人)", true);
    public static readonly Unit Households = new("households", "number of households (户)", true);
    public static readonly Unit Year = new("year", "calendar year (Gregorian)", false);
}
