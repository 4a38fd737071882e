-- One line per entitlement of the bench's cycles (not the demo's, whose points hold little stock): entitlementId,headPersonId,pointId (the household's office's point), shuffled.
COPY (SELECT e."Id", h."HeadPersonId", l."Id" FROM "Entitlements" e JOIN "Households" h ON h."Id" = e."HouseholdId"
      JOIN "FoodLocations" l ON l."FieldOfficeId" = e."FieldOfficeId" AND l."Kind" = 2 JOIN "DistributionCycles" c ON c."Id" = e."CycleId" WHERE e."Status" = 2 AND c."Name" LIKE 'bench %' ORDER BY random()) TO STDOUT WITH CSV;
