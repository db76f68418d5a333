"""The desk blueprint, apart from its package: the views import it from here."""

from flask import Blueprint

bp = Blueprint("desk", __name__, url_prefix="/desk")
