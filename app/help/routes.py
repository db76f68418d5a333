"""The user guide, read from docs/huong-dan: one page per role, public like the docs."""

from __future__ import annotations

from flask import abort, render_template, send_file, url_for
from markupsafe import Markup

from app.help.blueprint import bp
from app.help.render import IMAGE_DIR, PAGES, first_heading, image_names, page_for, render, source


@bp.app_context_processor
def _help_link() -> dict:
    """`help_url()` for the top navigation: the guide page of the user's first role."""
    from flask_login import current_user

    def help_url() -> str:
        roles = current_user.role_names if current_user.is_authenticated else None
        return _page_url(page_for(roles))

    return {"help_url": help_url}


def _page_url(page: str) -> str:
    return url_for("help.index") if page == "README" else url_for("help.page", slug=page)


def _image_url(name: str) -> str:
    return url_for("help.image", slug=name.removesuffix(".png"))


def _show(page: str):
    text = source(page)
    body = render(text, _page_url, _image_url)
    # Our own Markdown, rendered with raw HTML disabled: the markup is the renderer's.
    return render_template("help/page.html", title=first_heading(text), body=Markup(body),  # noqa: S704
                           page=page, pages=[p for p in PAGES if p != "README"])


@bp.route("/")
def index():
    """The guide's table of contents."""
    return _show("README")


@bp.route("/<slug>")
def page(slug: str):
    """One guide page, only among the fixed list of pages."""
    if slug not in PAGES or slug == "README":
        abort(404)
    return _show(slug)


@bp.route("/anh/<slug>.png")
def image(slug: str):
    """A guide picture, only among the PNGs present in docs/huong-dan/anh."""
    name = f"{slug}.png"
    if name not in image_names():
        abort(404)
    return send_file(IMAGE_DIR / name, mimetype="image/png", max_age=3600)
