"""commune desk list index: a commune's bulletins newest first (ORDER BY id DESC)

Revision ID: e5b8d2f4a913
Revises: c2d94e7b1a06
Create Date: 2026-12-18 09:00:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'e5b8d2f4a913'
down_revision = 'c2d94e7b1a06'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('bulletins', schema=None) as batch_op:
        batch_op.create_index('ix_bulletins_commune_id', ['commune_id', 'id'], unique=False)


def downgrade():
    with op.batch_alter_table('bulletins', schema=None) as batch_op:
        batch_op.drop_index('ix_bulletins_commune_id')
