using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Organization = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OperationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    QueryHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HouseholdIds = table.Column<string>(type: "TEXT", nullable: false),
                    HouseholdCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DatasetInfo",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", nullable: false),
                    Profile = table.Column<string>(type: "TEXT", nullable: false),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GeneratorSeed = table.Column<int>(type: "INTEGER", nullable: false),
                    SeedChecksum = table.Column<string>(type: "TEXT", nullable: false),
                    BuildSeconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatasetInfo", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceDocuments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FundingSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingSources_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    ValueText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Attribute = table.Column<int>(type: "INTEGER", nullable: true),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTargets_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Provinces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provinces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Provinces_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Prefectures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Prefectures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Prefectures_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prefectures_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Counties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ContiguousArea = table.Column<int>(type: "INTEGER", nullable: true),
                    NationalContiguousArea = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PrefectureId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Counties_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Counties_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Counties_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Townships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrefectureId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Townships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Townships_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Townships_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Townships_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Townships_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Villages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrefectureId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Registered = table.Column<bool>(type: "INTEGER", nullable: true),
                    ProvincialLevel = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlannedExitYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Designations = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Villages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Villages_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Villages_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Villages_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Villages_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Villages_Townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrefectureId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    PrimaryCause = table.Column<int>(type: "INTEGER", nullable: false),
                    PrimaryMeasure = table.Column<int>(type: "INTEGER", nullable: true),
                    HasLaborCapacity = table.Column<bool>(type: "INTEGER", nullable: false),
                    Relocated = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedExitYear = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnualIncomePerCapita = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HeadIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CellKey = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_Townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationVillages",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationVillages", x => new { x.OrganizationId, x.VillageId });
                    table.ForeignKey(
                        name: "FK_OrganizationVillages_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganizationVillages_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<long>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: true),
                    PrefectureId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Prefectures_PrefectureId",
                        column: x => x.PrefectureId,
                        principalTable: "Prefectures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Projects_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Persons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Relationship = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Persons_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Persons_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundingAllocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceDocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Synthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyntheticFields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingAllocations_FundingSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "FundingSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundingAllocations_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FundingAllocations_SourceDocuments_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "SourceDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Subject",
                table: "AuditEntries",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_Counties_ContiguousArea",
                table: "Counties",
                column: "ContiguousArea");

            migrationBuilder.CreateIndex(
                name: "IX_Counties_Name",
                table: "Counties",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Counties_PrefectureId_Name",
                table: "Counties",
                columns: new[] { "PrefectureId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Counties_ProvinceId",
                table: "Counties",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_Counties_SourceDocumentId",
                table: "Counties",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_FundingAllocations_ProjectId",
                table: "FundingAllocations",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_FundingAllocations_SourceDocumentId",
                table: "FundingAllocations",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_FundingAllocations_SourceId_Year",
                table: "FundingAllocations",
                columns: new[] { "SourceId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingAllocations_Year",
                table: "FundingAllocations",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_FundingSources_Level",
                table: "FundingSources",
                column: "Level");

            migrationBuilder.CreateIndex(
                name: "IX_FundingSources_Name",
                table: "FundingSources",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundingSources_SourceDocumentId",
                table: "FundingSources",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId",
                table: "Households",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_PrimaryCause_MemberCount_CellKey",
                table: "Households",
                columns: new[] { "CountyId", "PrimaryCause", "MemberCount", "CellKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_PlannedExitYear",
                table: "Households",
                column: "PlannedExitYear");

            migrationBuilder.CreateIndex(
                name: "IX_Households_PrefectureId",
                table: "Households",
                column: "PrefectureId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_PrimaryCause",
                table: "Households",
                column: "PrimaryCause");

            migrationBuilder.CreateIndex(
                name: "IX_Households_ProvinceId",
                table: "Households",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Relocated",
                table: "Households",
                column: "Relocated");

            migrationBuilder.CreateIndex(
                name: "IX_Households_SourceDocumentId",
                table: "Households",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_TownshipId",
                table: "Households",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Type",
                table: "Households",
                column: "Type");

            migrationBuilder.CreateIndex(
                name: "IX_Households_VillageId",
                table: "Households",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Key",
                table: "Organizations",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_SourceDocumentId",
                table: "Organizations",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationVillages_VillageId",
                table: "OrganizationVillages",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_HouseholdId",
                table: "Persons",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_SourceDocumentId",
                table: "Persons",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargets_Indicator",
                table: "PlanTargets",
                column: "Indicator");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargets_RegionLevel_Region_Year",
                table: "PlanTargets",
                columns: new[] { "RegionLevel", "Region", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargets_SourceDocumentId",
                table: "PlanTargets",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Prefectures_Name",
                table: "Prefectures",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Prefectures_ProvinceId_Name",
                table: "Prefectures",
                columns: new[] { "ProvinceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Prefectures_SourceDocumentId",
                table: "Prefectures",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Category",
                table: "Projects",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_CountyId_Category",
                table: "Projects",
                columns: new[] { "CountyId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_PrefectureId",
                table: "Projects",
                column: "PrefectureId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ProvinceId",
                table: "Projects",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SourceDocumentId",
                table: "Projects",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_VillageId",
                table: "Projects",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_Provinces_Name",
                table: "Provinces",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Provinces_SourceDocumentId",
                table: "Provinces",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Townships_CountyId_Name",
                table: "Townships",
                columns: new[] { "CountyId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Townships_Name",
                table: "Townships",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Townships_PrefectureId",
                table: "Townships",
                column: "PrefectureId");

            migrationBuilder.CreateIndex(
                name: "IX_Townships_ProvinceId",
                table: "Townships",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_Townships_SourceDocumentId",
                table: "Townships",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Villages_CountyId_Name",
                table: "Villages",
                columns: new[] { "CountyId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Villages_Name",
                table: "Villages",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Villages_PlannedExitYear",
                table: "Villages",
                column: "PlannedExitYear");

            migrationBuilder.CreateIndex(
                name: "IX_Villages_PrefectureId",
                table: "Villages",
                column: "PrefectureId");

            migrationBuilder.CreateIndex(
                name: "IX_Villages_ProvinceId",
                table: "Villages",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_Villages_Registered_PlannedExitYear",
                table: "Villages",
                columns: new[] { "Registered", "PlannedExitYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Villages_SourceDocumentId",
                table: "Villages",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Villages_TownshipId",
                table: "Villages",
                column: "TownshipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "DatasetInfo");

            migrationBuilder.DropTable(
                name: "FundingAllocations");

            migrationBuilder.DropTable(
                name: "OrganizationVillages");

            migrationBuilder.DropTable(
                name: "Persons");

            migrationBuilder.DropTable(
                name: "PlanTargets");

            migrationBuilder.DropTable(
                name: "FundingSources");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "Organizations");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "Villages");

            migrationBuilder.DropTable(
                name: "Townships");

            migrationBuilder.DropTable(
                name: "Counties");

            migrationBuilder.DropTable(
                name: "Prefectures");

            migrationBuilder.DropTable(
                name: "Provinces");

            migrationBuilder.DropTable(
                name: "SourceDocuments");
        }
    }
}
