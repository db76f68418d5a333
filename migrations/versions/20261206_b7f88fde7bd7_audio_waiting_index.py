"""audio waiting index: the job queue's lag on staff pages and /healthz

Revision ID: b7f88fde7bd7
Revises: 939f9b291066
Create Date: 2026-12-06 04:45:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'b7f88fde7bd7'
down_revision = '939f9b291066'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('audio_files', schema=None) as batch_op:
        batch_op.create_index('ix_audio_files_waiting', ['status', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('audio_files', schema=None) as batch_op:
        batch_op.drop_index('ix_audio_files_waiting')
