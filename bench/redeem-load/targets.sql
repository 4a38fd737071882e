-- One line per entitlement: entitlementId,headPersonId,pointId (the household's office's point), shuffled.
COPY (SELECT e."Id", h."HeadPersonId", l."Id" FROM "Entitlements" e JOIN "Households" h ON h."Id" = e."HouseholdId"
      JOIN "FoodLocations" l ON l."FieldOfficeId" = e."FieldOfficeId" AND l."Kind" = 2 WHERE e."Status" = 2 ORDER BY random()) TO STDOUT WITH CSV;
