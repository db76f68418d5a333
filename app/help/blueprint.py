"""The help blueprint, apart from its package: the views import it from here."""

from flask import Blueprint

bp = Blueprint("help", __name__, url_prefix="/huong-dan")
