-- The demo's sections hold twelve learners each; the measured one needs 25. Thirteen enrolled learners of other
-- sections move into the first section with learners (seat numbers after its own), whose capacity grows to fit.
WITH target AS (SELECT min("SectionId") AS id FROM "Enrolments" WHERE "SeatNumber" IS NOT NULL),
moved AS (
    SELECT e."Id", row_number() OVER (ORDER BY e."Id") AS n FROM "Enrolments" e, target
    WHERE e."SeatNumber" IS NOT NULL AND e."SectionId" <> target.id LIMIT 13)
UPDATE "Enrolments" e SET "SectionId" = target.id, "SeatNumber" = 100 + moved.n
FROM moved, target WHERE e."Id" = moved."Id";
UPDATE "ClassSections" SET "Capacity" = 25 WHERE "Id" = (SELECT min("SectionId") FROM "Enrolments" WHERE "SeatNumber" IS NOT NULL);
