using System.Linq.Expressions;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Access;

/// <summary>
/// The masked form of each <see cref="Mask"/>, as an expression EF translates to SQL, so a raw value never leaves the
/// database for a caller who may not see it.
/// </summary>
public static class Masks
{
    /// <summary>
    /// Two-character Chinese surnames (复姓), kept whole when a name is masked. The common ones of the
    /// 百家姓; a name starting with any other pair keeps its first character only.
    /// </summary>
    public static readonly IReadOnlyList<string> CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯", "令狐", "长孙", "宇文", "司徒", "端木",
        "轩辕", "西门", "南宫", "独孤", "百里", "呼延", "申屠", "太史", "闻人", "澹台", "公冶", "濮阳", "淳于", "单于", "钟离",
        "赫连", "拓跋", "司空", "左丘", "东郭", "南门", "万俟", "仲孙", "叔孙", "公羊", "谷梁", "宰父", "夹谷", "巫马", "乐正",
    ];

    private static readonly string[] Surnames = CompoundSurnames.ToArray();

    public static Expression Apply(Mask mask, Expression value) => mask switch
    {
        Mask.Surname => Surname(value),
        Mask.IdentityNumberEnds => IdentityNumberEnds(value),
        Mask.YearOnly => Expression.Property(value, nameof(DateOnly.Year)),
        _ => throw new InvalidOperationException($"{mask} is not a masked form"),
    };

    /// <summary>Surname kept, given name replaced by one '*': 王*; 欧阳*.</summary>
    private static Expression Surname(Expression name)
    {
        Expression<Func<string, string>> mask = n =>
            (n.Length > 2 && Surnames.Contains(n.Substring(0, 2)) ? n.Substring(0, 2) : n.Substring(0, 1)) + "*";
        return ParameterReplacer.Apply(mask, name);
    }

    /// <summary>First 6 (region) and last 4 characters kept: 220281********9017.</summary>
    private static Expression IdentityNumberEnds(Expression id)
    {
        Expression<Func<string, string>> mask = n => n.Substring(0, 6) + "********" + n.Substring(14, 4);
        return ParameterReplacer.Apply(mask, id);
    }
}
