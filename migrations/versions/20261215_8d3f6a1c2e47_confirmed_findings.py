"""confirmed findings: a reviewer's "phải sửa" (must fix) beside "không vi phạm"

Adds findings.confirmed; existing findings were never confirmed.

Revision ID: 8d3f6a1c2e47
Revises: 4c7e2a91d5b3
Create Date: 2026-12-15 09:00:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '8d3f6a1c2e47'
down_revision = '4c7e2a91d5b3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confirmed', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.alter_column('confirmed', server_default=None)


def downgrade():
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_column('confirmed')
