"""receivers: smart loudspeaker clusters, and their reports in the broadcast log

Creates receivers (a commune's clusters: name, village, location, serial, the key's SHA-256,
what the last heartbeat said) and receiver_schedule (rows 1 and 2: generations every process
compares to drop its cached schedule answers and key lookups). radio_broadcasts gets source ("operator" for every
existing entry) and receiver_id; recorded_by_id and program_id become nullable: a receiver's
report has no user, and an emergency bulletin played outside a program has no program.

On SQLite the nullability change recreates radio_broadcasts; foreign keys are switched off
around it (outside the transaction, as SQLite requires), so the items and corrections pointing
at its rows do not stop the copy. Ids and rows stay as they were.

Revision ID: a7c3e9d15f20
Revises: 8d3f6a2c1e47
Create Date: 2026-12-16 09:00:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'a7c3e9d15f20'
down_revision = '8d3f6a2c1e47'
branch_labels = None
depends_on = None


def _sqlite():
    return op.get_bind().dialect.name == 'sqlite'


def _foreign_keys(on):
    if _sqlite():
        with op.get_context().autocommit_block():
            op.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def upgrade():
    op.create_table(
        'receivers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('commune_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('village', sa.String(length=100), nullable=False),
        sa.Column('location', sa.String(length=200), nullable=False),
        sa.Column('serial', sa.String(length=100), nullable=False),
        sa.Column('key_hash', sa.String(length=64), nullable=False),
        sa.Column('key_prefix', sa.String(length=16), nullable=False),
        sa.Column('key_created_at', sa.DateTime(), nullable=False),
        sa.Column('revoked_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('last_heard_at', sa.DateTime(), nullable=True),
        sa.Column('last_played_at', sa.DateTime(), nullable=True),
        sa.Column('firmware', sa.String(length=64), nullable=False),
        sa.Column('volume', sa.Integer(), nullable=True),
        sa.Column('signal', sa.Integer(), nullable=True),
        sa.Column('playing', sa.Boolean(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['commune_id'], ['communes.id'],
                                name=op.f('fk_receivers_commune_id_communes')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_receivers')),
        sa.UniqueConstraint('key_hash', name=op.f('uq_receivers_key_hash')),
    )
    op.create_index(op.f('ix_receivers_commune_id'), 'receivers', ['commune_id'], unique=False)
    schedule = op.create_table(
        'receiver_schedule',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_receiver_schedule')),
    )
    op.bulk_insert(schedule, [{'id': 1, 'generation': 0}, {'id': 2, 'generation': 0}])

    _foreign_keys(False)
    with op.batch_alter_table('radio_broadcasts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=20), nullable=False,
                                      server_default='operator'))
        batch_op.add_column(sa.Column('receiver_id', sa.Integer(), nullable=True))
        batch_op.alter_column('program_id', existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column('recorded_by_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_foreign_key(batch_op.f('fk_radio_broadcasts_receiver_id_receivers'),
                                    'receivers', ['receiver_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_radio_broadcasts_receiver_id'), ['receiver_id'],
                              unique=False)
    _foreign_keys(True)


def downgrade():
    op.execute("DELETE FROM radio_broadcast_items WHERE broadcast_id IN "
               "(SELECT id FROM radio_broadcasts WHERE receiver_id IS NOT NULL)")
    op.execute("DELETE FROM radio_broadcasts WHERE receiver_id IS NOT NULL")
    _foreign_keys(False)
    with op.batch_alter_table('radio_broadcasts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_radio_broadcasts_receiver_id'))
        batch_op.drop_constraint(batch_op.f('fk_radio_broadcasts_receiver_id_receivers'),
                                 type_='foreignkey')
        batch_op.alter_column('recorded_by_id', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('program_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('receiver_id')
        batch_op.drop_column('source')
    _foreign_keys(True)
    op.drop_table('receiver_schedule')
    op.drop_index(op.f('ix_receivers_commune_id'), table_name='receivers')
    op.drop_table('receivers')
