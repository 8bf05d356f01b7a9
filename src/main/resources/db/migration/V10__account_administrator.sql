-- Who is an administrator is stored, not derived from sign-up order: the first administrator is
-- made with the operator's one-time setup code, later ones by an administrator (issue 10).
ALTER TABLE account ADD COLUMN administrator BOOLEAN DEFAULT FALSE NOT NULL;
