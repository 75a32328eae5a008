using System.Text;

namespace PovertyGraph.Data.Import;

/// <summary>Enum names as the CSV files and the GraphQL API spell them: SCREAMING_SNAKE_CASE.</summary>
public static class EnumNames
{
    public static string ToConstant(string pascal)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var ch = pascal[i];
            var boundary = i > 0 && ((char.IsUpper(ch) && (char.IsLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
                                     || (char.IsDigit(ch) && !char.IsDigit(pascal[i - 1])));
            if (boundary) sb.Append('_');
            sb.Append(char.ToUpperInvariant(ch));
        }
        return sb.ToString();
    }

    public static bool TryParse(Type enumType, string text, out object? value)
    {
        foreach (var name in Enum.GetNames(enumType))
        {
            if (ToConstant(name) == text) { value = Enum.Parse(enumType, name); return true; }
        }
        value = null;
        return false;
    }

    public static string Allowed(Type enumType) => string.Join(", ", Enum.GetNames(enumType).Select(ToConstant));
}
