"""A copy of each person's name search vector on their case links, kept exact by triggers (decision 0004).

- Linking a person to a case (or re-pointing a link, as a merge does) copies the person's vector.
- A change of a person's vector (a rename) is copied to all their links.
The door's name search then finds "persons of my cases named …" from one GIN index on the links.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

FORWARD = """
CREATE FUNCTION cases_casesubject_person_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.person_name := (SELECT p.search_vector FROM subjects_person p WHERE p.id = NEW.person_id);
    RETURN NEW;
END $$;
CREATE TRIGGER casesubject_person_name BEFORE INSERT OR UPDATE OF person_id ON cases_casesubject
    FOR EACH ROW EXECUTE FUNCTION cases_casesubject_person_name();

CREATE FUNCTION subjects_person_name_to_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cases_casesubject SET person_name = NEW.search_vector
     WHERE person_id = NEW.id AND person_name IS DISTINCT FROM NEW.search_vector;
    RETURN NULL;
END $$;
CREATE TRIGGER person_name_to_cases AFTER UPDATE OF search_vector ON subjects_person
    FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector)
    EXECUTE FUNCTION subjects_person_name_to_cases();

UPDATE cases_casesubject s SET person_name = p.search_vector
  FROM subjects_person p WHERE p.id = s.person_id;
ANALYZE cases_casesubject;
"""

BACKWARD = """
DROP TRIGGER IF EXISTS person_name_to_cases ON subjects_person;
DROP FUNCTION IF EXISTS subjects_person_name_to_cases();
DROP TRIGGER IF EXISTS casesubject_person_name ON cases_casesubject;
DROP FUNCTION IF EXISTS cases_casesubject_person_name();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_door_covering_indexes"),
        ("subjects", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="casesubject",
            name="person_name",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.AddIndex(
            model_name="casesubject",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["person_name"], name="case_subject_person_name"
            ),
        ),
    ]
