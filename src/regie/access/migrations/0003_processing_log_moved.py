"""The processing log's models now belong to the `processing_log` app (decision 0010): removed from this app's
state only; the tables were renamed, not dropped, by processing_log 0001."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("access", "0002_append_only_trigger"), ("processing_log", "0001_initial")]
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="LogCheckpoint"),
                migrations.DeleteModel(name="ProcessingLogEntry"),
            ],
        ),
    ]
