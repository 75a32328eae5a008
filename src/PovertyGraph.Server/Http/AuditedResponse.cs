using GraphQL;
using PovertyGraph.GraphQL.Execution;

namespace PovertyGraph.Server.Http;

/// <summary>
/// The guarantee of the audit log at the HTTP endpoint: no byte of an answer that discloses names leaves the server
/// before its audit entry is committed. The entry's INSERT starts when execution ends (<see cref="AuditListener"/>
/// with a <see cref="PendingAudit"/>); the answer is serialised meanwhile, so the commit's wait for the disk and the
/// serialisation overlap.
/// </summary>
internal static class AuditedResponse
{
    /// <summary>
    /// A response that discloses names is serialised into a buffer while its audit entry commits (the INSERT started
    /// after execution, <see cref="AuditListener"/>); nothing is written before the commit. When the entry could not be
    /// written, the data is withheld (null: the caller writes the withheld result instead).
    /// </summary>
    public static async Task<MemoryStream?> SerializeWhileAuditCommitsAsync(HttpContext context, ExecutionResult result, PendingAudit audit, ILogger logger)
    {
        MemoryStream? body = null;
        try
        {
            body = await GraphQLHttpResults.SerializeAsync(context, result);
        }
        finally
        {
            // Observed even when serialising failed, so that the write's outcome is never lost.
            if (!await audit.CommittedAsync())
            {
                logger.LogError(audit.Failure, "The audit entry of a response that discloses personal data could not be written; the answer is withheld");
                RequestRuntime.Withhold(result);
                result.Extensions?.Remove(GraphQLHttpHandler.ReceiptExtension); // a receipt of an answer that was not given
                body = null;
            }
        }
        return body;
    }
}
