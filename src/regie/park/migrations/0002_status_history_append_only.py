"""The residence-status history of a lot is evidence: the database refuses UPDATE and DELETE on it.

Destruction at the end of the retention period sets regie.destruction = 'on' (SET LOCAL), as for procedures.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION regie_refuse_residence_status_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('regie.destruction', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'De bewoningsgeschiedenis van een kavel is alleen-toevoegen: % is niet toegestaan', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER park_residence_status_append_only
    BEFORE UPDATE OR DELETE ON park_residencestatuschange
    FOR EACH ROW EXECUTE FUNCTION regie_refuse_residence_status_change();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS park_residence_status_append_only ON park_residencestatuschange;
DROP FUNCTION IF EXISTS regie_refuse_residence_status_change();
"""


class Migration(migrations.Migration):
    dependencies = [("park", "0001_initial")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
