using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPlaceNamesPinyin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NamePinyin",
                table: "Villages",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NamePinyin",
                table: "Townships",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NamePinyin",
                table: "Provinces",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NamePinyin",
                table: "Prefectures",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NamePinyin",
                table: "Counties",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "NationalKeyCounty",
                table: "Counties",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Villages_NamePinyin",
                table: "Villages",
                column: "NamePinyin");

            migrationBuilder.CreateIndex(
                name: "IX_Townships_NamePinyin",
                table: "Townships",
                column: "NamePinyin");

            migrationBuilder.CreateIndex(
                name: "IX_Provinces_NamePinyin",
                table: "Provinces",
                column: "NamePinyin");

            migrationBuilder.CreateIndex(
                name: "IX_Prefectures_NamePinyin",
                table: "Prefectures",
                column: "NamePinyin");

            migrationBuilder.CreateIndex(
                name: "IX_Counties_NamePinyin",
                table: "Counties",
                column: "NamePinyin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Villages_NamePinyin",
                table: "Villages");

            migrationBuilder.DropIndex(
                name: "IX_Townships_NamePinyin",
                table: "Townships");

            migrationBuilder.DropIndex(
                name: "IX_Provinces_NamePinyin",
                table: "Provinces");

            migrationBuilder.DropIndex(
                name: "IX_Prefectures_NamePinyin",
                table: "Prefectures");

            migrationBuilder.DropIndex(
                name: "IX_Counties_NamePinyin",
                table: "Counties");

            migrationBuilder.DropColumn(
                name: "NamePinyin",
                table: "Villages");

            migrationBuilder.DropColumn(
                name: "NamePinyin",
                table: "Townships");

            migrationBuilder.DropColumn(
                name: "NamePinyin",
                table: "Provinces");

            migrationBuilder.DropColumn(
                name: "NamePinyin",
                table: "Prefectures");

            migrationBuilder.DropColumn(
                name: "NamePinyin",
                table: "Counties");

            migrationBuilder.DropColumn(
                name: "NationalKeyCounty",
                table: "Counties");
        }
    }
}
