namespace PovertyGraph.Domain;

public enum ProjectCategory
{
    Planting = 1, Livestock = 2, Processing = 3, Photovoltaic = 4, RuralTourism = 5, ECommerce = 6,
    Education = 7, Health = 8, SocialSecurity = 9, Infrastructure = 10, Relocation = 11, Ecology = 12,
    Employment = 13, Finance = 14, Other = 15,
}

/// <summary>A single project, or a programme (a budget line without project count, e.g. health assistance).</summary>
public enum ProjectKind { Project = 1, Programme = 2 }

public enum ProjectStatus { Planned = 1, InProgress = 2, Completed = 3 }

public enum FundingLevel { Central = 1, Provincial = 2, Prefecture = 3, County = 4, Financial = 5, Enterprise = 6, Social = 7 }

/// <summary>What kind of money a source provides.</summary>
public enum FundingKind { FiscalSpecial = 1, FiscalOther = 2, Loan = 3, SelfRaised = 4, Donation = 5, Other = 6 }
