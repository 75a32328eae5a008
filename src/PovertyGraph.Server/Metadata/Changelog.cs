using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PovertyGraph.Data;

namespace PovertyGraph.Server.Metadata;

/// <summary>
/// <c>GET /data/changelog</c>: every data version, newest first, with the rows of each table before and after it and the
/// published figures that changed (<see cref="DatasetChangelog"/>, recorded with each build and import in the database,
/// so every server of a deployment answers the same). A receipt's <c>dataVersion</c> names an entry here.
/// </summary>
public sealed class Changelog(IDbContextFactory<PovertyGraphDbContext> factory)
{
    public async Task WriteAsync(HttpContext context)
    {
        await using var db = await factory.CreateDbContextAsync(context.RequestAborted);
        var changes = await db.DatasetChanges.OrderByDescending(c => c.Id).ToListAsync(context.RequestAborted);
        var body = new JsonObject
        {
            ["description"] = "Each data version of this server: a build, or an import (which moves dataset.version to its next value). " +
                              "tables: rows per table before and after; figures: the published figures the version changed (empty for a build).",
            ["versions"] = new JsonArray(changes.Select(c => (JsonNode)new JsonObject
            {
                ["version"] = c.Version, ["kind"] = c.Kind, ["at"] = c.At.ToString("O"),
                ["tables"] = JsonNode.Parse(c.Tables), ["figures"] = JsonNode.Parse(c.Figures),
            }).ToArray()),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "public, max-age=60";
        await context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }));
    }
}
