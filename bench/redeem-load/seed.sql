-- Approved entitlements for the load test: :cycles cycles × every demo household, each due 3 sacks and 3 tins,
-- every cycle served by every distribution point (the demo's redeem part made one per office).
INSERT INTO "Commodities" ("Code", "Name", "KcalPer100g", "ProteinPer100g", "FatPer100g", "Unit", "PackGrams", "PackLabel", "Active", "Version")
VALUES ('bench-maize', 'Maize meal', 360, 9.4, 3.8, 'kg', 25000, '25 kg sack', true, 1), ('bench-oil', 'Vegetable oil', 884, 0, 100, 'l', 4600, '5 l tin', true, 1);
INSERT INTO "Baskets" ("Name", "Kind", "UpdatedAt", "Version") VALUES ('bench', 1, now(), 1);
INSERT INTO "FoodProgrammes" ("Name", "MinDaysBetweenCollections", "OneCollectionPerCycle", "Active") VALUES ('bench', 0, true, true);
INSERT INTO "DistributionCycles" ("ProgrammeId", "Name", "StartsOn", "EndsOn", "DaysCovered", "BasketId", "Eligibility", "Status", "Version")
SELECT p."Id", 'bench ' || g, DATE '2026-12-01', DATE '2026-12-31', 30, b."Id", '{}', 3, 1
FROM generate_series(1, :cycles) g, "FoodProgrammes" p, "Baskets" b WHERE p."Name" = 'bench' AND b."Name" = 'bench';
INSERT INTO "CyclePoint" ("CycleId", "LocationId")
SELECT c."Id", l."Id" FROM "DistributionCycles" c, "FoodLocations" l WHERE c."Name" LIKE 'bench %' AND l."Kind" = 2;
INSERT INTO "Entitlements" ("Id", "CycleId", "HouseholdId", "FieldOfficeId", "Members", "Status", "CreatedAt", "UpdatedAt", "Version")
SELECT gen_random_uuid(), c."Id", h."Id", h."FieldOfficeId", h."MemberCount", 2, now(), now(), 1
FROM "DistributionCycles" c, "Households" h WHERE c."Name" LIKE 'bench %';
INSERT INTO "EntitlementItems" ("EntitlementId", "CommodityId", "Packs", "CollectedPacks")
SELECT e."Id", m."Id", 3, 0 FROM "Entitlements" e, "Commodities" m WHERE m."Code" LIKE 'bench-%';
-- Stock for every collection at every point (a point short of stock refuses a collection): one receipt per point and commodity.
INSERT INTO "StockMovements" ("OperationId", "Kind", "LocationId", "CommodityId", "Batch", "Packs", "Source", "Reference", "At", "By")
SELECT gen_random_uuid(), 1, l."Id", m."Id", 'bench', 10000000, 1, 'bench', now(), 'system'
FROM "FoodLocations" l, "Commodities" m WHERE l."Kind" = 2 AND m."Code" LIKE 'bench-%';
-- Spread over the default 8 stripes where the balances have stripes (a build from before them has one row per batch).
\if :striped
INSERT INTO "StockBalances" ("LocationId", "CommodityId", "Batch", "Stripe", "Quantity", "Version")
SELECT l."Id", m."Id", 'bench', s, 10000000 / 8, 1 FROM "FoodLocations" l, "Commodities" m, generate_series(0, 7) s WHERE l."Kind" = 2 AND m."Code" LIKE 'bench-%';
\else
INSERT INTO "StockBalances" ("LocationId", "CommodityId", "Batch", "Quantity", "Version")
SELECT l."Id", m."Id", 'bench', 10000000, 1 FROM "FoodLocations" l, "Commodities" m WHERE l."Kind" = 2 AND m."Code" LIKE 'bench-%';
\endif
