"""The api blueprint, apart from its package: the views import it from here."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")
