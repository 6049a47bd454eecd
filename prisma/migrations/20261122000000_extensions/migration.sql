-- Extensions Rantai relies on (hand-written: the postgresqlExtensions preview feature would repeat it in
-- every generated migration). pg_trgm: typo-tolerant search over names, products and descriptions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
