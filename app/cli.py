"""Command line (`flask --app wsgi …`, CONTRACT §3): each command calls a service."""

from __future__ import annotations

import os
import sys
import tarfile
from pathlib import Path

import click
from flask import Flask, current_app
from flask_migrate import upgrade

from app.extensions import db
from bulletins import accounts, audit, seed, tenancy
from bulletins.clock import utcnow
from bulletins.errors import DomainError
from bulletins.workflow import ROLES


def fail(message: str) -> None:
    """A user mistake: one line on stderr, exit 1, no traceback."""
    click.echo(f"Lỗi: {message}", err=True)
    sys.exit(1)


def init_app(app: Flask) -> None:
    @app.cli.command("init-db")
    def init_db() -> None:
        """Create or migrate the schema; seed the plan's lists; first admin on an empty DB."""
        upgrade(directory=current_app.extensions["migrate"].directory)
        seed.seed_lists(db.session, tenants={
            "province_name": os.environ.get("PROVINCE_NAME"),
            "commune_slug": os.environ.get("COMMUNE_SLUG"),
            "commune_name": current_app.config.get("COMMUNE_NAME")})
        if accounts.count_users(db.session) == 0:
            password = os.environ.get("ADMIN_PASSWORD") or None
            try:
                # the installer's account: the province's admin (every commune's accounts,
                # the province's key dates and rules)
                _, generated = accounts.create_user(db.session, None, "admin", ["admin"],
                                                    password, "Quản trị viên",
                                                    province=True)
            except DomainError as error:
                db.session.rollback()
                fail(f"ADMIN_PASSWORD: {error.message}")
            db.session.commit()
            if generated:
                click.echo("=" * 60)
                click.echo("Tài khoản quản trị: admin")
                click.echo(f"Mật khẩu dùng một lần: {generated}")
                click.echo("(Đổi mật khẩu ở lần đăng nhập đầu tiên. Dòng này chỉ in một lần.)")
                click.echo("=" * 60)
        db.session.commit()
        click.echo("Cơ sở dữ liệu đã sẵn sàng.", err=True)

    @app.cli.command("create-user")
    @click.argument("name")
    @click.option("--role", "roles", multiple=True, required=True,
                  type=click.Choice(ROLES), help="repeat for several roles")
    @click.option("--password-stdin", is_flag=True, help="read the password from stdin")
    @click.option("--display-name", default="")
    @click.option("--unit", default=None)
    @click.option("--commune", "commune_slug", default=None,
                  help="the commune it belongs to (default: the first commune)")
    @click.option("--province", is_flag=True, help="a province-level account")
    def create_user(name: str, roles: tuple[str, ...], password_stdin: bool,
                    display_name: str, unit: str | None, commune_slug: str | None,
                    province: bool) -> None:
        """Create an account with one or more roles, in a commune or at the province."""
        if province and commune_slug:
            fail("chọn --commune hoặc --province, không cả hai.")
        password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
        try:
            commune_id = (tenancy.commune_by_slug(db.session, commune_slug).id
                          if commune_slug else None)
            user, generated = accounts.create_user(db.session, None, name, roles, password,
                                                   display_name, unit, commune_id=commune_id,
                                                   province=province)
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            fail(error.message)
        click.echo(f"Đã tạo {user.username} ({', '.join(sorted(user.role_names))}).", err=True)
        if generated:
            click.echo(f"Mật khẩu dùng một lần: {generated}")

    @app.cli.command("create-commune")
    @click.argument("slug")
    @click.option("--name", required=True, help="e.g. \"xã Yên Mô\"")
    @click.option("--host", default=None, help="a host name that serves its portal (optional)")
    def create_commune(slug: str, name: str, host: str | None) -> None:
        """Add a commune to the province (CONTRACT §9)."""
        try:
            commune = seed.create_commune(db.session, None, slug, name, host)
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            fail(error.message)
        click.echo(f"Đã tạo {commune.name} ({commune.slug}): /xa/{commune.slug}/", err=True)

    @app.cli.command("create-token")
    @click.argument("name")
    def create_token(name: str) -> None:
        """Print a new API token for the user as the only line on stdout."""
        user = accounts.find_user(db.session, name)
        if user is None:
            fail(f"không có tài khoản '{name}'.")
        raw = accounts.create_token(db.session, None, user, "cli")
        db.session.commit()
        click.echo(raw)

    @app.cli.command("seed-demo")
    @click.option("--password", envvar="DEMO_PASSWORD", default="loa-demo-2026",
                  show_default=True, help="password of every demo account")
    @click.option("--force", is_flag=True,
                  help="add demo data even to a database that holds real bulletins")
    def seed_demo(password: str, force: bool) -> None:
        """Demo users and bulletins for a first look."""
        try:
            created = seed.seed_demo(db.session, password, force=force)
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            fail(error.message)
        click.echo(f"Tài khoản mẫu: {', '.join(created) or '(đã có)'}; mật khẩu: {password}")
        click.echo("(Mỗi tài khoản mẫu phải đổi mật khẩu ở lần đăng nhập đầu tiên.)")

    @app.cli.command("audit-verify")
    def audit_verify() -> None:
        """Check the audit log's hash chain; exit 1 naming the first bad entry."""
        result = audit.verify(db.session)
        if not result.ok:
            click.echo(f"Nhật ký bị thay đổi: mục số {result.bad_seq} ({result.reason}); "
                       f"{result.checked} mục trước đó hợp lệ.", err=True)
            sys.exit(1)
        click.echo(f"OK: {result.checked} mục, chuỗi băm nguyên vẹn.")

    @app.cli.command("backup")
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    def backup_command(file: Path) -> None:
        """Write a consistent copy of the database and the audio files to FILE."""
        from bulletins import backup

        counts = backup.backup(db.engine, Path(current_app.config["DATA_DIR"]), file)
        audit.record(db.session, "cli", "backup", str(file.name), **counts)
        db.session.commit()
        click.echo(f"Đã sao lưu {sum(v for k, v in counts.items() if k != 'files')} dòng, "
                   f"{counts['files']} tệp vào {file}", err=True)

    @app.cli.command("restore")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    def restore_command(file: Path) -> None:
        """Replace the database and audio files with a backup's (the current state is saved)."""
        from bulletins import backup

        data_dir = Path(current_app.config["DATA_DIR"])
        safety = data_dir / "backups" / f"truoc-khi-phuc-hoi-{utcnow():%Y%m%d-%H%M%S}.tar.gz"
        backup.backup(db.engine, data_dir, safety)
        try:
            counts = backup.restore(db.engine, data_dir, file)
        except (ValueError, OSError, tarfile.TarError) as error:
            fail(f"không phục hồi được: {error}. Dữ liệu cũ vẫn nguyên (bản lưu: {safety}).")
        click.echo(f"Đã phục hồi {sum(v for k, v in counts.items() if k != 'files')} dòng, "
                   f"{counts['files']} tệp từ {file}. Trạng thái trước đó lưu ở {safety}.",
                   err=True)

    @app.cli.command("install-voice")
    @click.argument("onnx", type=click.Path(dir_okay=False, path_type=Path))
    @click.argument("config", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--replace", is_flag=True, help="replace an installed voice of that name")
    def install_voice(onnx: Path, config: Path, replace: bool) -> None:
        """Check a Piper voice (FILE.onnx FILE.onnx.json) and store it under DATA_DIR/voices."""
        from bulletins.speech import voices

        data_dir = Path(current_app.config["DATA_DIR"])
        try:
            info, chosen = voices.install(db.session, None, onnx, config, data_dir,
                                          replace=replace)
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            hint = " Thêm --replace để thay." if error.status == 409 else ""
            fail(error.message + hint)
        click.echo(f"Đã cài giọng {info.name} ({info.code}, {info.sample_rate} Hz) vào "
                   f"{info.onnx.parent}.", err=True)
        if chosen:
            click.echo(f"Khi Google không trả lời, bản tin tiếng {info.language} đọc bằng giọng "
                       "này (TTS_ENGINE=auto).", err=True)
        else:
            click.echo("Chọn giọng cho từng ngôn ngữ ở trang Quản trị › Nhạc hiệu và giọng đọc.",
                       err=True)

    @app.cli.command("send-digest")
    def send_digest() -> None:
        """Send every pending digest e-mail now (one per user); print how many."""
        if not current_app.config.get("MAIL_SERVER"):
            fail("chưa cấu hình MAIL_SERVER, không gửi được thư.")
        sent, failed = current_app.extensions["loa.jobs"].send_digests(all_pending=True)
        click.echo(f"Đã gửi {sent} thư tổng hợp.")
        if failed:
            fail(f"{failed} thư chưa gửi được (sẽ thử lại; xem lỗi trong bảng notifications).")

    @app.cli.command("worker")
    @click.option("--workers", default=2, show_default=True)
    def worker(workers: int) -> None:
        """Run background jobs (audio synthesis, scheduled publishing)."""
        current_app.extensions["loa.jobs"].consumer(workers=workers).run()

    @app.cli.command("serve")
    @click.option("--host", envvar="HOST", default="127.0.0.1", show_default=True)
    @click.option("--port", envvar="PORT", default=5000, show_default=True, type=int)
    @click.option("--threads", default=8, show_default=True)
    def serve(host: str, port: int, threads: int) -> None:
        """Serve the app with waitress; without REDIS_URL, jobs run embedded in this process."""
        from waitress import serve as waitress_serve

        jobs, consumer = current_app.extensions["loa.jobs"], None
        if jobs.embedded_wanted():  # at once, not on the first request: publishing is timed
            consumer = jobs.start_embedded(workers=2)
        click.echo(f"Loa: http://{host}:{port}/", err=True)
        try:
            waitress_serve(current_app._get_current_object(), host=host, port=port,
                           threads=threads, ident="loa")
        finally:
            if consumer is not None:
                consumer.stop(graceful=True)
