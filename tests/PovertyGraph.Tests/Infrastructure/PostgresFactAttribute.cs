namespace PovertyGraph.Tests.Infrastructure;

/// <summary>
/// A test of the PostgreSQL-only paths (COPY, its rollback, sequences). Without <see cref="TestDatabase.PostgresVariable"/>
/// it is reported as skipped, with a reason that says how to run it, so a plain <c>dotnet test</c> says that
/// PostgreSQL was not tested rather than passing silently.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresAdministrator == null) Skip = TestDatabase.NotConfigured;
    }
}
