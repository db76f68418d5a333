"""communes of a province: tenants, and every commune-owned row assigned to one

Creates provinces and communes, the province (PROVINCE_NAME, default "tỉnh Ninh Bình") and
its first commune (COMMUNE_SLUG, default "vu-duong", named COMMUNE_NAME), then adds a
nullable commune_id (NULL: the province) to users, bulletins, radio slots and programs, scan
rules, the allow-list, the lexicon, templates and key dates. Every existing row goes to the
first commune, except the plan's seeded key dates (seed_key set): those are the province's,
shared by every commune. Nothing is rewritten otherwise: ids, texts, hashes, audio paths and
the audit chain stay as they were.

Columns are added with ALTER TABLE … ADD COLUMN (inline REFERENCES on SQLite), never by
recreating a table: bulletins carries the FTS triggers, and users and bulletins are
referenced by most tables.

Revision ID: 8d3f6a2c1e47
Revises: 8d3f6a1c2e47
Create Date: 2026-12-15 09:00:00.000000

"""
import os
import unicodedata
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '8d3f6a2c1e47'
down_revision = '8d3f6a1c2e47'
branch_labels = None
depends_on = None

#: table → index the column gets (None: no index of its own; bulletins get composite ones)
TABLES = {
    'users': True, 'bulletins': False, 'radio_slots': True, 'radio_programs': True,
    'scan_rules': True, 'allow_entries': True, 'lexicon_entries': False,
    'bulletin_templates': False, 'key_dates': True,
}


def _nfc(value):
    return unicodedata.normalize('NFC', value)


def upgrade():
    op.create_table(
        'provinces',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_provinces')),
    )
    op.create_table(
        'communes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('province_id', sa.Integer(), nullable=False),
        sa.Column('host', sa.String(length=255), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['province_id'], ['provinces.id'],
                                name=op.f('fk_communes_province_id_provinces')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_communes')),
        sa.UniqueConstraint('host', name=op.f('uq_communes_host')),
        sa.UniqueConstraint('slug', name=op.f('uq_communes_slug')),
    )
    bind = op.get_bind()
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    provinces = sa.table('provinces', sa.column('id'), sa.column('name'),
                         sa.column('created_at'))
    communes = sa.table('communes', sa.column('id'), sa.column('slug'), sa.column('name'),
                        sa.column('province_id'), sa.column('position'),
                        sa.column('created_at'))
    bind.execute(provinces.insert().values(
        name=_nfc(os.environ.get('PROVINCE_NAME') or 'tỉnh Ninh Bình'), created_at=now))
    province_id = bind.execute(sa.select(sa.func.max(provinces.c.id))).scalar_one()
    bind.execute(communes.insert().values(
        slug=(os.environ.get('COMMUNE_SLUG') or 'vu-duong').strip().lower(),
        name=_nfc(os.environ.get('COMMUNE_NAME') or 'xã Vũ Dương'),
        province_id=province_id, position=0, created_at=now))
    commune_id = bind.execute(sa.select(sa.func.max(communes.c.id))).scalar_one()

    for table, indexed in TABLES.items():
        if bind.dialect.name == 'sqlite':  # inline REFERENCES: no table rebuild
            op.execute(f'ALTER TABLE {table} ADD COLUMN commune_id INTEGER '
                       'REFERENCES communes (id)')
        else:
            op.add_column(table, sa.Column('commune_id', sa.Integer(), nullable=True))
            op.create_foreign_key(op.f(f'fk_{table}_commune_id_communes'), table, 'communes', ['commune_id'], ['id'])
        if indexed:
            op.create_index(op.f(f'ix_{table}_commune_id'), table, ['commune_id'])
        where = ' WHERE seed_key IS NULL' if table == 'key_dates' else ''
        op.execute(sa.text(f'UPDATE {table} SET commune_id = :c{where}')
                   .bindparams(c=commune_id))
    op.create_index('ix_bulletins_commune_updated', 'bulletins',
                    ['commune_id', 'updated_at', 'id'])
    op.create_index('ix_bulletins_commune_status', 'bulletins',
                    ['commune_id', 'status', 'published_at', 'id'])


def downgrade():
    op.drop_index('ix_bulletins_commune_status', table_name='bulletins')
    op.drop_index('ix_bulletins_commune_updated', table_name='bulletins')
    for table, indexed in reversed(list(TABLES.items())):
        if indexed:
            op.drop_index(op.f(f'ix_{table}_commune_id'), table_name=table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            if op.get_bind().dialect.name != 'sqlite':
                batch_op.drop_constraint(op.f(f'fk_{table}_commune_id_communes'),
                                         type_='foreignkey')
            batch_op.drop_column('commune_id')
    op.drop_table('communes')
    op.drop_table('provinces')
