-- PostgreSQL only: the copy's stored resources as TEXT, without Derby's 32,672-character bound
-- (a person with long custom answers). On Derby a longer resource is refused and recorded as a
-- problem of its scope.
ALTER TABLE copy_organization ALTER COLUMN resource TYPE TEXT;
ALTER TABLE copy_organization ALTER COLUMN me_resource TYPE TEXT;
ALTER TABLE copy_event ALTER COLUMN resource TYPE TEXT;
ALTER TABLE copy_session ALTER COLUMN resource TYPE TEXT;
ALTER TABLE copy_person ALTER COLUMN resource TYPE TEXT;
