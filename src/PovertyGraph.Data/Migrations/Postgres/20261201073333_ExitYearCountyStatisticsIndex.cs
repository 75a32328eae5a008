using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyGraph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExitYearCountyStatisticsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Households_PlannedExitYear_CountyId_MemberCount_CellKey",
                table: "Households",
                columns: new[] { "PlannedExitYear", "CountyId", "MemberCount", "CellKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_PlannedExitYear_CountyId_MemberCount_CellKey",
                table: "Households");
        }
    }
}
