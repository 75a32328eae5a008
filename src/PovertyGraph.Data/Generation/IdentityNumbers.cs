namespace PovertyGraph.Data.Generation;

/// <summary>
/// 18-digit resident identity numbers in the GB 11643-1999 format: 6-digit region code, birth date
/// yyyyMMdd, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
/// Generated numbers are made recognisably fake by always using a sequence code from 900 to 999
/// (see the README): the format validates, but the numbers are flagged synthetic.
/// </summary>
public static class IdentityNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("17 digits expected");
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var digit = first17[i] - '0';
            if (digit is < 0 or > 9) throw new ArgumentException("digits only");
            sum += digit * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    public static bool IsValid(string id) =>
        id.Length == 18 && id[..17].All(char.IsAsciiDigit) && CheckCharacter(id.AsSpan(0, 17)) == id[17]
        && DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", out _);

    /// <param name="sequence">0–49: mapped into the reserved 900–999 range with the sex digit.</param>
    public static string Create(string regionCode, DateOnly birthDate, bool male, int sequence)
    {
        if (regionCode.Length != 6) throw new ArgumentException("6-digit region code expected");
        if (sequence is < 0 or > 49) throw new ArgumentOutOfRangeException(nameof(sequence));
        var code = 900 + sequence * 2 + (male ? 1 : 0);
        var first17 = $"{regionCode}{birthDate:yyyyMMdd}{code:000}";
        return first17 + CheckCharacter(first17);
    }

    /// <summary>The fake-number marker: the 3-digit sequence code is 900 or above.</summary>
    public static bool IsMarkedSynthetic(string id) => id.Length == 18 && id[14] == '9';
}
