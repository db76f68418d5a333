"""settings unique per commune: allow-list values, lexicon words and template names

Each commune keeps its own allow-list, lexicon and templates (CONTRACT §9), so two communes
may both allow-list one hotline, both say how "HTX" is read, both have a template named
"Lịch tiêm chủng". The unique constraints take commune_id in: (commune_id, value),
(commune_id, kind, written), (commune_id, name). A province row (commune_id NULL) is kept
unique by the service, as SQL counts NULLs as distinct. Nothing references these tables.

Revision ID: c2d94e7b1a06
Revises: a7c3e9d15f20
Create Date: 2026-12-17 09:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c2d94e7b1a06'
down_revision = 'a7c3e9d15f20'
branch_labels = None
depends_on = None

#: table → ((old name, columns), (new name, columns))
UNIQUES = {
    'allow_entries': (('uq_allow_entries_value', ['value']),
                      ('uq_allow_entries_commune_value', ['commune_id', 'value'])),
    'lexicon_entries': (('uq_lexicon_entries_kind', ['kind', 'written']),
                        ('uq_lexicon_entries_commune_word', ['commune_id', 'kind', 'written'])),
    'bulletin_templates': (('uq_bulletin_templates_name', ['name']),
                           ('uq_bulletin_templates_commune_name', ['commune_id', 'name'])),
}


def _swap(table, old, new):
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(old[0], type_='unique')
        batch_op.create_unique_constraint(new[0], new[1])


def upgrade():
    for table, (old, new) in UNIQUES.items():
        _swap(table, old, new)


def downgrade():
    for table, (old, new) in UNIQUES.items():
        _swap(table, new, old)
