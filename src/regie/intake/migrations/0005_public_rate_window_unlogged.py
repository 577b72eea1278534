"""The public rate windows as an UNLOGGED table (decision 0018): a count written without WAL commits without waiting
for a disk flush, so the one row per address and hour is held for microseconds. After a crash PostgreSQL empties the
table: the current window starts again from zero, which is harmless for a limit per hour."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0004_signal_source_victim"),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE intake_publicratewindow SET UNLOGGED",
            reverse_sql="ALTER TABLE intake_publicratewindow SET LOGGED",
        ),
    ]
