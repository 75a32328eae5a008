namespace PovertyGraph.Data.Import;

/// <summary>One rejected row, reported as <c>file:line: reason</c>.</summary>
public sealed record ImportError(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

public sealed class ImportException(IReadOnlyList<ImportError> errors)
    : Exception($"import rejected: {errors.Count} bad row(s); nothing was written.\n" + string.Join("\n", errors.Take(50)))
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
