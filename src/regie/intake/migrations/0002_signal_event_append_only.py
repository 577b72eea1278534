from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION regie_refuse_signal_event_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'De geschiedenis van een signaal is alleen-toevoegen: % is niet toegestaan', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER signal_event_append_only
    BEFORE UPDATE ON intake_signalevent
    FOR EACH ROW EXECUTE FUNCTION regie_refuse_signal_event_change();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS signal_event_append_only ON intake_signalevent;
DROP FUNCTION IF EXISTS regie_refuse_signal_event_change();
"""


class Migration(migrations.Migration):
    """Signal history is append-only: an event is never rewritten (deleting a whole signal, e.g. at the end of
    its retention period, still removes its events)."""

    dependencies = [("intake", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
