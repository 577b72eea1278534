"""The history of a procedure is evidence: the database refuses UPDATE and DELETE on its transitions.

Destruction at the end of the retention period is the one lawful delete; it sets the transaction-local
setting regie.destruction = 'on' (SET LOCAL) before deleting, so nothing else can.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION regie_refuse_transition_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('regie.destruction', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'De geschiedenis van een procedure is alleen-toevoegen: % is niet toegestaan', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER procedure_transition_append_only
    BEFORE UPDATE OR DELETE ON procedures_transition
    FOR EACH ROW EXECUTE FUNCTION regie_refuse_transition_change();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS procedure_transition_append_only ON procedures_transition;
DROP FUNCTION IF EXISTS regie_refuse_transition_change();
"""


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
