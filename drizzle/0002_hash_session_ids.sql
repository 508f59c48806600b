-- Custom SQL migration file, put your code below! --
-- Session ids are now the SHA-256 of the token the client holds, so the ids stored
-- before this change (which were the tokens themselves) can never validate again and
-- would stay usable-looking secrets in the database. Remove them: everyone logs in again.
DELETE FROM "auth_sessions";
