"""Decision 0017: the processing log becomes a table partitioned by month on `occurred_at` (UTC months).

In one transaction: the table is set aside, a partitioned table with the same columns (and identity sequence,
continued where the old one was) takes its name, monthly partitions are made from the month of the oldest entry
to three months ahead plus a DEFAULT partition, every row is copied unchanged (content, `seq`, `chain_pos`,
hashes), the copy is checked against the original before the original is dropped, and the indexes (same names)
and the append-only triggers come back on the partitioned table.

- The key becomes a unique index on (seq, occurred_at): a partitioned table's unique indexes must contain its
  partition key, and it is an index rather than a PRIMARY KEY constraint because `pg_restore --clean` (used by
  `regie restore`) fails on the partitions' inherited primary-key constraints. `seq` still comes from one
  sequence and stays the model's primary key; no foreign key refers to the log.
- `chain_pos` loses its unique constraint for the same reason; one sealer at a time (its lock) hands positions
  out, and verify walks by position, so a doubled position breaks the chain where it occurs.
- The row trigger (sealing and pseudonymising only) is defined on the parent and cloned by PostgreSQL onto every
  partition, present and future. TRUNCATE triggers are statement triggers and are not cloned: each partition gets
  its own, from `regie_log_ensure_partition`, which also makes the partitions of later months (the periodic job
  `processing_log.partitions` and `regie audit partitions` call it).
"""

from django.db import migrations, models

ENSURE_FUNCTION = r"""
CREATE OR REPLACE FUNCTION regie_log_ensure_partition(in_month date) RETURNS text AS $$
DECLARE
    first_day date := date_trunc('month', in_month)::date;
    next_day date := (date_trunc('month', in_month) + interval '1 month')::date;
    part text := 'processing_log_entry_y' || to_char(first_day, 'YYYY') || 'm' || to_char(first_day, 'MM');
    lower_bound timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
    upper_bound timestamptz := next_day::timestamp AT TIME ZONE 'UTC';
BEGIN
    IF to_regclass(part) IS NOT NULL THEN
        RETURN 'exists';
    END IF;
    -- Rows of this month already in the DEFAULT partition (the job did not run in time): PostgreSQL would refuse
    -- the new partition, and moving evidence is a DELETE the log refuses. They stay where they are.
    IF to_regclass('processing_log_entry_default') IS NOT NULL AND EXISTS (
        SELECT 1 FROM processing_log_entry_default WHERE occurred_at >= lower_bound AND occurred_at < upper_bound
    ) THEN
        RETURN 'default';
    END IF;
    EXECUTE format(
        'CREATE TABLE %I PARTITION OF processing_log_entry FOR VALUES FROM (%L) TO (%L)',
        part, to_char(first_day, 'YYYY-MM-DD') || ' 00:00:00+00', to_char(next_day, 'YYYY-MM-DD') || ' 00:00:00+00'
    );
    EXECUTE format(
        'CREATE TRIGGER processing_log_no_truncate BEFORE TRUNCATE ON %I '
        'FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_log_change()',
        part
    );
    RETURN 'created';
END;
$$ LANGUAGE plpgsql;
"""

FORWARD = r"""
DO $$
DECLARE
    old_count bigint;
    new_count bigint;
    old_last record;
    new_last record;
    seq_value bigint;
    definitions text[];
    definition text;
    m date;
BEGIN
    ALTER TABLE processing_log_entry RENAME TO processing_log_entry_unpartitioned;
    -- Same columns in the same order, defaults, NOT NULL and CHECK constraints and an identity on seq.
    CREATE TABLE processing_log_entry (
        LIKE processing_log_entry_unpartitioned
        INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS
    ) PARTITION BY RANGE (occurred_at);

    CREATE TABLE processing_log_entry_default PARTITION OF processing_log_entry DEFAULT;
    CREATE TRIGGER processing_log_no_truncate BEFORE TRUNCATE ON processing_log_entry_default
        FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_log_change();
    m := date_trunc('month', COALESCE(
        (SELECT min(occurred_at) FROM processing_log_entry_unpartitioned), now()) AT TIME ZONE 'UTC')::date;
    WHILE m <= (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months')::date LOOP
        PERFORM regie_log_ensure_partition(m);
        m := (m + interval '1 month')::date;
    END LOOP;

    INSERT INTO processing_log_entry OVERRIDING SYSTEM VALUE
        SELECT * FROM processing_log_entry_unpartitioned ORDER BY seq;

    SELECT count(*) INTO old_count FROM processing_log_entry_unpartitioned;
    SELECT count(*) INTO new_count FROM processing_log_entry;
    SELECT chain_pos, seq, hash INTO old_last FROM processing_log_entry_unpartitioned
        ORDER BY chain_pos DESC NULLS LAST LIMIT 1;
    SELECT chain_pos, seq, hash INTO new_last FROM processing_log_entry ORDER BY chain_pos DESC NULLS LAST LIMIT 1;
    IF old_count <> new_count OR (old_last.chain_pos, old_last.seq, old_last.hash)
                                 IS DISTINCT FROM (new_last.chain_pos, new_last.seq, new_last.hash) THEN
        RAISE EXCEPTION 'processing log copy differs: % rows, % copied', old_count, new_count;
    END IF;

    -- The numbering goes on where it was.
    SELECT last_value INTO seq_value FROM pg_sequences
     WHERE (quote_ident(schemaname) || '.' || quote_ident(sequencename))::regclass
           = pg_get_serial_sequence('processing_log_entry_unpartitioned', 'seq')::regclass;
    IF seq_value IS NOT NULL THEN
        PERFORM setval(pg_get_serial_sequence('processing_log_entry', 'seq'), seq_value, true);
    END IF;

    -- Every secondary index as it was (same name, same definition); the two unique ones are replaced below.
    SELECT array_agg(pg_get_indexdef(x.indexrelid)) INTO definitions
      FROM pg_index x
     WHERE x.indrelid = 'processing_log_entry_unpartitioned'::regclass AND NOT x.indisunique;
    DROP TABLE processing_log_entry_unpartitioned;
    FOREACH definition IN ARRAY COALESCE(definitions, '{}') LOOP
        EXECUTE replace(definition, 'processing_log_entry_unpartitioned USING', 'processing_log_entry USING');
    END LOOP;
    -- The key as a unique index, not a PRIMARY KEY constraint: pg_restore --clean (regie restore) cannot drop
    -- the partitions' inherited primary-key constraints (PostgreSQL 15 and 18 alike); an index it can.
    CREATE UNIQUE INDEX processing_log_entry_seq_key ON processing_log_entry (seq, occurred_at);
    CREATE INDEX plog_chain_pos ON processing_log_entry (chain_pos);

    -- The row trigger on the parent is cloned onto every partition, present and future (PostgreSQL 13+).
    CREATE TRIGGER processing_log_append_only
        BEFORE UPDATE OR DELETE ON processing_log_entry
        FOR EACH ROW EXECUTE FUNCTION regie_guard_log_row();
    CREATE TRIGGER processing_log_no_truncate
        BEFORE TRUNCATE ON processing_log_entry
        FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_log_change();
END;
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("processing_log", "0005_sealing_trigger")]
    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(ENSURE_FUNCTION), migrations.RunSQL(FORWARD)],
            state_operations=[
                migrations.AlterField(
                    model_name="processinglogentry",
                    name="chain_pos",
                    field=models.BigIntegerField(blank=True, null=True),
                ),
                migrations.AddIndex(
                    model_name="processinglogentry",
                    index=models.Index(fields=["chain_pos"], name="plog_chain_pos"),
                ),
            ],
        ),
    ]
