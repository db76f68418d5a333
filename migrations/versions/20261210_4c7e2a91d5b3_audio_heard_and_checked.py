"""audio heard and checked: a recognizer's figure on every audio file, readings held or matched

Adds to audio_files what bulletins/speech/checks.py records: check_status, wer, heard,
alignment, and who accepted a held reading (accepted_by_id, accepted_at, accept_comment).
Readings uploaded before this revision were never heard: they become 'unchecked'.

Revision ID: 4c7e2a91d5b3
Revises: b7f88fde7bd7
Create Date: 2026-12-10 09:00:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '4c7e2a91d5b3'
down_revision = 'b7f88fde7bd7'
branch_labels = None
depends_on = None

FILLED = ('heard', 'alignment', 'accept_comment')  # NOT NULL: existing rows get a value once


def upgrade():
    with op.batch_alter_table('audio_files', schema=None) as batch_op:
        batch_op.add_column(sa.Column('check_status', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('wer', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('heard', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('alignment', sa.JSON(), nullable=False,
                                      server_default=sa.text("'[]'")))
        batch_op.add_column(sa.Column('accepted_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('accepted_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('accept_comment', sa.Text(), nullable=False,
                                      server_default=''))
        batch_op.create_foreign_key(batch_op.f('fk_audio_files_accepted_by_id_users'),
                                    'users', ['accepted_by_id'], ['id'])
    with op.batch_alter_table('audio_files', schema=None) as batch_op:
        for name in FILLED:
            batch_op.alter_column(name, server_default=None)
    op.execute("UPDATE audio_files SET check_status = 'unchecked' WHERE source = 'recording'")


def downgrade():
    with op.batch_alter_table('audio_files', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_audio_files_accepted_by_id_users'),
                                 type_='foreignkey')
        for name in ('accept_comment', 'accepted_at', 'accepted_by_id', *FILLED[:2], 'wer',
                     'check_status'):
            batch_op.drop_column(name)
