-- The manifest's own SHA-256, recorded when the backup step writes it: verify, the restore test and
-- the apply guard compare the manifest on disk against this, so a manifest edited afterwards (its
-- checksum and the dump changed consistently) is refused. NULL for backups taken before this
-- column existed; those are still held to the dump checksum recorded here.
ALTER TABLE rollout_backup_evidence
    ADD COLUMN manifest_sha256 text CHECK (manifest_sha256 ~ '^[0-9a-f]{64}$');
