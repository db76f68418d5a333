"""Loa's web application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.routing import BaseConverter, IntegerConverter
from werkzeug.routing import ValidationError as NoMatch

from app import config as config_module
from app.extensions import babel, csrf, db, limiter, login_manager, migrate
from bulletins import params


class BoundedInt(IntegerConverter):
    """`<int:…>` that stops at INTEGER columns' 32-bit limit: a larger id is a 404, not a 500."""

    def __init__(self, url_map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", params.ID_MAX)
        super().__init__(url_map, *args, **kwargs)


class DayConverter(BaseConverter):
    """`<day:…>`: a YYYY-MM-DD date within the supported years, else the URL is a 404."""

    def to_python(self, value: str) -> Any:
        found = params.parse_day(value)
        if found is None or found.isoformat() != value:
            raise NoMatch()
        return found

    def to_url(self, value: Any) -> str:
        return value.isoformat() if hasattr(value, "isoformat") else str(value)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: no migrations, no network, no prompts happen here."""
    app = Flask(__name__, instance_relative_config=True,
                template_folder="../templates", static_folder="static")
    app.config.update(config_module.DEFAULTS)
    app.config.update(config if config is not None else config_module.from_env(app.instance_path))
    app.url_map.converters["int"] = BoundedInt
    app.url_map.converters["day"] = DayConverter
    if app.config.get("TRUST_PROXY"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    app.json.ensure_ascii = False  # Vietnamese stays readable in API answers
    app.json.sort_keys = False

    from app import i18n, jobs, security

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"),
                     render_as_batch=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    limiter.init_app(app)
    login_manager.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    jobs.init_app(app)

    from app.admin import bp as admin_bp
    from app.api import bp as api_bp
    from app.auth import bp as auth_bp
    from app.desk import bp as desk_bp
    from app.help import bp as help_bp
    from app.portal import bp as portal_bp
    from app.radio import bp as radio_bp
    from app.receivers import api as receiver_api_bp
    from app.receivers import bp as receivers_bp

    for blueprint in (auth_bp, desk_bp, radio_bp, admin_bp, portal_bp, help_bp, api_bp,
                      receivers_bp, receiver_api_bp):
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)
    csrf.exempt(receiver_api_bp)

    from app import cli, errors

    errors.init_app(app)
    cli.init_app(app)
    return app
