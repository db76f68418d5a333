"""broadcasts by program, aired: a commune's airings read from its programs' log entries

The operator's owed count (bulletins.radio.schedule.owed_count) reaches the log entries of
one commune's programs by program_id; with aired and id in the index, without reading the
table (an index-only scan per program instead of a scan of the whole log).

Revision ID: b3f71c5e8a24
Revises: e5b8d2f4a913
Create Date: 2026-12-19 09:00:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'b3f71c5e8a24'
down_revision = 'e5b8d2f4a913'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_radio_broadcasts_program_aired', 'radio_broadcasts',
                    ['program_id', 'aired', 'id'], unique=False)


def downgrade():
    op.drop_index('ix_radio_broadcasts_program_aired', table_name='radio_broadcasts')
