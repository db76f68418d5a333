"""The radio blueprint, apart from its package: the views import it from here."""

from flask import Blueprint

bp = Blueprint("radio", __name__, url_prefix="/radio")
