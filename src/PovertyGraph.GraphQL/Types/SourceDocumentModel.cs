using PovertyGraph.Domain;
using PovertyGraph.GraphQL.Model;

namespace PovertyGraph.GraphQL.Types;

public static class SourceDocumentModel
{
    public static void Declare(EntityModel model) => model.Entity<SourceDocument>("SourceDocument",
            "A government document the dataset's real facts are transcribed from (see `dataset.sources`).", "sourceDocuments")
        .Key(x => x.Id)
        .Field("key", x => x.Id, "Short stable key of the document, as in the seed CSV files' source column.")
        .Field("title", x => x.Title, "Title as issued.")
        .Field("issuer", x => x.Issuer, "Issuing body (发文机关).")
        .Field("documentNumber", x => x.DocumentNumber, "Document number (文号), e.g. 吉政发〔2017〕27号.")
        .Field("issuedOn", x => x.IssuedOn, "Date of issue (成文日期).")
        .Field("fileName", x => x.FileName, "File of the transcription in the project's shared seeds.");
}
