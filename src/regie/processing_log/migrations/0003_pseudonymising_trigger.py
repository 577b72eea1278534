"""Decision 0013: the append-only trigger lets exactly one UPDATE through — pseudonymising a version-2 entry.

Pseudonymising clears the plain values that can name someone (person ids, user name, address, object id, details)
and sets `pseudonymised_at`; every other column, the references and hashes included, must stay as it was. Any other
UPDATE, every DELETE and TRUNCATE are still refused, as before (access 0002).
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION regie_guard_log_row() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.hash_version = 2
       AND OLD.pseudonymised_at IS NULL AND NEW.pseudonymised_at IS NOT NULL
       AND NEW.person_ids = '{}' AND NEW.actor_username = '' AND NEW.source_address IS NULL
       AND NEW.object_id = '' AND NEW.details = '{}'::jsonb
       AND (NEW.seq, NEW.occurred_at, NEW.actor_id, NEW.actor_organisation, NEW.actor_role, NEW.acting_for,
            NEW.action, NEW.object_type, NEW.purpose, NEW.break_the_glass, NEW.prev_hash, NEW.hash,
            NEW.hash_version, NEW.person_refs, NEW.actor_ref, NEW.source_ref, NEW.object_ref, NEW.details_ref)
           IS NOT DISTINCT FROM
           (OLD.seq, OLD.occurred_at, OLD.actor_id, OLD.actor_organisation, OLD.actor_role, OLD.acting_for,
            OLD.action, OLD.object_type, OLD.purpose, OLD.break_the_glass, OLD.prev_hash, OLD.hash,
            OLD.hash_version, OLD.person_refs, OLD.actor_ref, OLD.source_ref, OLD.object_ref, OLD.details_ref)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Het verwerkingslog is alleen-toevoegen: % is niet toegestaan', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS processing_log_append_only ON processing_log_entry;
CREATE TRIGGER processing_log_append_only
    BEFORE UPDATE OR DELETE ON processing_log_entry
    FOR EACH ROW EXECUTE FUNCTION regie_guard_log_row();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS processing_log_append_only ON processing_log_entry;
CREATE TRIGGER processing_log_append_only
    BEFORE UPDATE OR DELETE ON processing_log_entry
    FOR EACH ROW EXECUTE FUNCTION regie_refuse_log_change();
DROP FUNCTION IF EXISTS regie_guard_log_row();
"""


class Migration(migrations.Migration):
    dependencies = [("processing_log", "0002_pseudonymous_references")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
