namespace PovertyGraph.Domain;

/// <summary>Household type: 低保户, 五保户, 一般户.</summary>
public enum HouseholdType { LowIncomeGuarantee = 1, FiveGuarantees = 2, General = 3 }

/// <summary>Primary cause of poverty (致贫原因).</summary>
public enum PovertyCause
{
    Illness = 1, Disability = 2, Education = 3, Disaster = 4, LackOfLand = 5, LackOfSkills = 6,
    LackOfLabor = 7, LackOfCapital = 8, LackOfMotivation = 9, Other = 10,
}

/// <summary>Primary assistance measure (六个一批).</summary>
public enum AssistanceMeasure { Production = 1, Ecology = 2, Education = 3, Health = 4, SocialSecurity = 5, CaseByCase = 6 }

public enum Gender { Male = 1, Female = 2 }

/// <summary>Relationship to the household head (与户主关系).</summary>
public enum Relationship { Head = 1, Spouse = 2, Child = 3, Parent = 4, Grandchild = 5, Sibling = 6, ChildInLaw = 7, Other = 8 }
