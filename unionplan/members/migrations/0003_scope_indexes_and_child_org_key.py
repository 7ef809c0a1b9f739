# Squashed by hand from 0003_scope_indexes, 0004_covering_scope_index and 0005_child_org_key,
# which added and dropped the same indexes while the scope queries were tuned (Django's
# squashmigrations cannot cancel an AddIndex against a later RemoveIndex). What remains is
# their net effect. ``replaces`` lets a database that applied the three go on unchanged.

from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [
        ('members', '0003_scope_indexes'),
        ('members', '0004_covering_scope_index'),
        ('members', '0005_child_org_key'),
    ]

    dependencies = [
        ('members', '0002_member_note'),
        ('orgs', '0001_initial'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='member',
            name='member_key_bmonth',
        ),
        migrations.RemoveIndex(
            model_name='member',
            name='member_birth',
        ),
        migrations.RemoveIndex(
            model_name='member',
            name='member_key_birth',
        ),
        migrations.AddIndex(
            model_name='member',
            index=models.Index(fields=['birth_month', 'org_key'], name='member_bmonth_key'),
        ),
        migrations.AddIndex(
            model_name='member',
            index=models.Index(fields=['org_key', 'birth_date', 'gender', 'status', 'post'], name='member_key_cover'),
        ),
        migrations.AddField(
            model_name='child',
            name='org_key',
            field=models.CharField(default='', editable=False, max_length=255),
        ),
        # Existing children take their parent's key (one statement, both databases).
        migrations.RunSQL(
            "UPDATE members_child SET org_key = (SELECT m.org_key FROM members_member m "
            "WHERE m.id = members_child.member_id)",
            migrations.RunSQL.noop,
        ),
        migrations.AddIndex(
            model_name='child',
            index=models.Index(fields=['org_key', 'birth_date', 'member'], name='child_key_birth'),
        ),
    ]
