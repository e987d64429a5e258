-- Placeholder: version 8 belongs to another branch (the caseload and Today queries at city
-- scale). This file only keeps the versions contiguous on the branch that made version 9; at the
-- merge the other branch's V8__city_queries.sql replaces it.
DROP TABLE IF EXISTS placeholder_v8;
