"""Decision 0015: entries are appended unsealed and sealed by a job.

Existing entries were chained in `seq` order as they were written; they get their chain positions in that order.
The append-only trigger now lets exactly two UPDATEs through: sealing an unsealed entry (setting its position and
hashes, nothing else) and pseudonymising a version-2 entry (decision 0013). DELETE and TRUNCATE stay refused.
"""

from django.db import migrations

FORWARD = """
ALTER TABLE processing_log_entry DISABLE TRIGGER processing_log_append_only;
UPDATE processing_log_entry e SET chain_pos = n.pos
  FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS pos FROM processing_log_entry) n
 WHERE e.seq = n.seq;
ALTER TABLE processing_log_entry ENABLE TRIGGER processing_log_append_only;

CREATE INDEX plog_unsealed ON processing_log_entry (seq) WHERE chain_pos IS NULL;

CREATE OR REPLACE FUNCTION regie_guard_log_row() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- Sealing: an unsealed entry gets its place and hashes; its content stays exactly as written.
        IF OLD.chain_pos IS NULL AND NEW.chain_pos IS NOT NULL
           AND OLD.hash = '' AND NEW.hash <> '' AND NEW.prev_hash <> ''
           AND NEW.pseudonymised_at IS NULL
           AND (NEW.seq, NEW.occurred_at, NEW.actor_id, NEW.actor_username, NEW.actor_organisation, NEW.actor_role,
                NEW.acting_for, NEW.action, NEW.object_type, NEW.object_id, NEW.person_ids, NEW.purpose,
                NEW.break_the_glass, NEW.source_address, NEW.details, NEW.hash_version, NEW.person_refs,
                NEW.actor_ref, NEW.source_ref, NEW.object_ref, NEW.details_ref)
               IS NOT DISTINCT FROM
               (OLD.seq, OLD.occurred_at, OLD.actor_id, OLD.actor_username, OLD.actor_organisation, OLD.actor_role,
                OLD.acting_for, OLD.action, OLD.object_type, OLD.object_id, OLD.person_ids, OLD.purpose,
                OLD.break_the_glass, OLD.source_address, OLD.details, OLD.hash_version, OLD.person_refs,
                OLD.actor_ref, OLD.source_ref, OLD.object_ref, OLD.details_ref)
        THEN
            RETURN NEW;
        END IF;
        -- Pseudonymising (decision 0013): the plain values cleared, everything else unchanged.
        IF OLD.hash_version = 2 AND OLD.chain_pos IS NOT NULL
           AND OLD.pseudonymised_at IS NULL AND NEW.pseudonymised_at IS NOT NULL
           AND NEW.person_ids = '{}' AND NEW.actor_username = '' AND NEW.source_address IS NULL
           AND NEW.object_id = '' AND NEW.details = '{}'::jsonb
           AND (NEW.seq, NEW.occurred_at, NEW.actor_id, NEW.actor_organisation, NEW.actor_role, NEW.acting_for,
                NEW.action, NEW.object_type, NEW.purpose, NEW.break_the_glass, NEW.prev_hash, NEW.hash,
                NEW.chain_pos, NEW.hash_version, NEW.person_refs, NEW.actor_ref, NEW.source_ref, NEW.object_ref,
                NEW.details_ref)
               IS NOT DISTINCT FROM
               (OLD.seq, OLD.occurred_at, OLD.actor_id, OLD.actor_organisation, OLD.actor_role, OLD.acting_for,
                OLD.action, OLD.object_type, OLD.purpose, OLD.break_the_glass, OLD.prev_hash, OLD.hash,
                OLD.chain_pos, OLD.hash_version, OLD.person_refs, OLD.actor_ref, OLD.source_ref, OLD.object_ref,
                OLD.details_ref)
        THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'Het verwerkingslog is alleen-toevoegen: % is niet toegestaan', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

BACKWARD = """
DROP INDEX IF EXISTS plog_unsealed;
"""


class Migration(migrations.Migration):
    dependencies = [("processing_log", "0004_sealing")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
