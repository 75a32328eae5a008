using System.Linq.Expressions;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Access;

/// <summary>
/// What a caller may do with a type and its fields, from the declarations and the <see cref="RoleMatrix"/>. Planning
/// asks here when an argument names a field, when a field is projected, and when a type's aggregates are published.
/// </summary>
public static class AccessRules
{
    /// <summary>The level in partner villages (or everywhere, for other roles) and the level elsewhere.</summary>
    public static (AccessLevel InScope, AccessLevel OutOfScope) LevelsFor(EntityDescriptor type, ScalarField field, Viewer viewer)
    {
        if (!type.HoldsPersonalData) return (AccessLevel.Full, AccessLevel.Full);
        // Closed by default: a sealed model has no such field, but a level is never guessed for one.
        var data = field.PersonalData ?? throw new InvalidOperationException($"{type.Name}.{field.Name} does not declare what it holds");
        if (field.MaskedFormOf is { } source)
        {
            // The masked form itself: in full wherever its source is shown at all.
            var shown = LevelsFor(type, source, viewer);
            return (Shown(shown.InScope), Shown(shown.OutOfScope));
        }
        var levels = RoleMatrix.For(data, field.Mask, viewer.Role);
        // Rows not tied to a village are never in a partner's scope: the stricter level.
        return type.VillageScope == null ? (levels.OutOfScope, levels.OutOfScope) : levels;
    }

    private static AccessLevel Shown(AccessLevel level) => level == AccessLevel.Hidden ? AccessLevel.Hidden : AccessLevel.Full;

    /// <summary>A field may be used in where, order or a row-level key only where every row shows it FULL.</summary>
    public static bool FullEverywhere(EntityDescriptor type, ScalarField field, Viewer viewer) =>
        LevelsFor(type, field, viewer) == (AccessLevel.Full, AccessLevel.Full);

    /// <summary>Whether the caller may read rows of the type at all.</summary>
    public static bool MayRead(EntityDescriptor type, Viewer viewer) => !type.AdministratorsOnly || viewer.Role == Role.Admin;

    /// <summary>Whether the type's aggregates are published to this caller as protected statistics.</summary>
    public static bool ProtectsStatistics(EntityDescriptor type, Viewer viewer) => type.ProtectedStatistics && !viewer.ExactStatistics;

    /// <summary>Whether showing this field in full is written to the audit log.</summary>
    public static bool IsAudited(ScalarField field) => field.PersonalData == PersonalData.Identifier;

    /// <summary>
    /// A partner organisation's row scope on a type: the type's village (x => x.VillageId) and the partner villages.
    /// Null for other callers, and for types whose rows are not tied to a village.
    /// </summary>
    public static (LambdaExpression Village, IReadOnlyCollection<int> Partners)? PartnerScope(EntityDescriptor type, Viewer viewer) =>
        viewer.Role == Role.Ngo && type.VillageScope != null && type.Fields.Any(f => f.IsPersonal)
            ? (type.VillageScope, viewer.PartnerVillages.Order().ToArray())
            : null;

    /// <summary>The masked form of a field, computed by the database.</summary>
    public static Expression Mask(ScalarField field, Expression value) => Masks.Apply(field.Mask, value);
}
