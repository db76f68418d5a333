"""The admin blueprint, apart from its package: the views import it from here."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")
