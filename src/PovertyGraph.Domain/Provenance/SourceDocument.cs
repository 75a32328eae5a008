namespace PovertyGraph.Domain;

/// <summary>One of the government documents every real fact in the dataset is transcribed from.</summary>
public class SourceDocument
{
    /// <summary>Short stable key, e.g. "JL-2017-27"; used by the CSV files' provenance columns.</summary>
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Issuer { get; set; } = "";
    public string? DocumentNumber { get; set; }
    public DateOnly? IssuedOn { get; set; }
    /// <summary>File name of the transcription under shared/seeds.</summary>
    public string? FileName { get; set; }
}
