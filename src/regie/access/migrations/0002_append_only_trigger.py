"""The processing log is evidence: the database itself refuses UPDATE, DELETE and TRUNCATE on it."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION regie_refuse_log_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Het verwerkingslog is alleen-toevoegen: % is niet toegestaan', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER processing_log_append_only
    BEFORE UPDATE OR DELETE ON access_processinglogentry
    FOR EACH ROW EXECUTE FUNCTION regie_refuse_log_change();

CREATE TRIGGER processing_log_no_truncate
    BEFORE TRUNCATE ON access_processinglogentry
    FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_log_change();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS processing_log_no_truncate ON access_processinglogentry;
DROP TRIGGER IF EXISTS processing_log_append_only ON access_processinglogentry;
DROP FUNCTION IF EXISTS regie_refuse_log_change();
"""


class Migration(migrations.Migration):
    dependencies = [("access", "0001_initial")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
