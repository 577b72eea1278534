"""The processing log moves out of `access` into its own app (decision 0010).

The tables exist already (access 0001/0002, with the append-only triggers); this migration takes the models into
this app's state and gives the tables this app's names. PostgreSQL keeps the triggers, indexes and the sequence
with a renamed table, so the evidence is untouched: no row is rewritten.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [("access", "0002_append_only_trigger")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE access_processinglogentry RENAME TO processing_log_entry;"
                    "ALTER TABLE access_logcheckpoint RENAME TO processing_log_checkpoint;",
                    "ALTER TABLE processing_log_entry RENAME TO access_processinglogentry;"
                    "ALTER TABLE processing_log_checkpoint RENAME TO access_logcheckpoint;",
                ),
            ],
            state_operations=[
                migrations.CreateModel(
                    name='LogCheckpoint',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('seq', models.BigIntegerField()),
                        ('hash', models.CharField(max_length=64)),
                        ('entries_checked', models.BigIntegerField()),
                        ('intact', models.BooleanField()),
                        ('first_broken_seq', models.BigIntegerField(blank=True, null=True)),
                        ('verified_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'verbose_name': 'controlepunt verwerkingslog',
                        'ordering': ['-verified_at'],
                        'db_table': 'processing_log_checkpoint',
                    },
                ),
                migrations.CreateModel(
                    name='ProcessingLogEntry',
                    fields=[
                        ('seq', models.BigAutoField(primary_key=True, serialize=False)),
                        ('occurred_at', models.DateTimeField(db_index=True)),
                        ('actor_id', models.BigIntegerField(blank=True, db_index=True, null=True)),
                        ('actor_username', models.CharField(blank=True, max_length=150)),
                        ('actor_organisation', models.CharField(blank=True, max_length=160)),
                        ('actor_role', models.CharField(blank=True, max_length=20)),
                        ('acting_for', models.CharField(blank=True, max_length=160)),
                        ('action', models.CharField(db_index=True, max_length=80)),
                        ('object_type', models.CharField(blank=True, max_length=60)),
                        ('object_id', models.CharField(blank=True, max_length=64)),
                        ('person_ids', django.contrib.postgres.fields.ArrayField(base_field=models.UUIDField(), blank=True, default=list, size=None)),
                        ('purpose', models.CharField(blank=True, max_length=200)),
                        ('break_the_glass', models.BooleanField(default=False)),
                        ('source_address', models.GenericIPAddressField(blank=True, null=True)),
                        ('details', models.JSONField(blank=True, default=dict)),
                        ('prev_hash', models.CharField(max_length=64)),
                        ('hash', models.CharField(max_length=64)),
                    ],
                    options={
                        'verbose_name': 'verwerkingslogregel',
                        'ordering': ['-seq'],
                        'db_table': 'processing_log_entry',
                        'indexes': [django.contrib.postgres.indexes.GinIndex(fields=['person_ids'], name='plog_person_ids_gin'), models.Index(fields=['actor_id', '-occurred_at'], name='plog_actor_time'), models.Index(fields=['object_type', 'object_id'], name='plog_object')],
                    },
                ),
            ],
        ),
    ]
