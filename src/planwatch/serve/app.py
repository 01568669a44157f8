"""The application factory: one FastAPI app per worker process, serving pages, the JSON API and static files.

``create_app(settings)`` opens the store (running migrations), loads the built-in data once per version, and
wires middleware, routers and error handlers. ``planwatch serve --workers N`` starts N processes, each calling
:func:`create_app_from_env` — settings travel through the environment; state is shared only via the store.
"""

from __future__ import annotations

import gc
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ImportRejected, PlanwatchError
from ..store.repository import Store
from .auth import SignInLimiter, Viewer
from .data import NotFound, ServeData
from .settings import Settings

API = "/api/"


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    from importlib.metadata import PackageNotFoundError, version

    from . import api
    from .middleware import AnonymousPages, BodyLimit, SecurityHeaders
    from .pages import admin, edit, read

    settings = settings or Settings()
    store = store or Store.open(settings.db)
    if settings.load_builtin:
        from ..sources.builtin import load_all

        load_all(store)
    try:
        ver = version("planwatch")
    except PackageNotFoundError:  # running from a source tree
        ver = "0"
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        gc.freeze()  # what start-up built lives as long as the worker: keep it out of every later collection
        yield

    app = FastAPI(title="planwatch", version=ver, lifespan=lifespan, openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,
                  description="A policy plan as a living scorecard: plans, targets with verdicts and their evidence, "
                  "sourced observations and their revisions, task evidence, coverage. Reads are open unless the "
                  "deployment requires sign-in; writes need an API token (Authorization: Bearer pw_…).")
    app.state.settings = settings
    app.state.store = store
    app.state.data = ServeData(store, settings.version_ttl)
    app.state.signin_limiter = SignInLimiter()
    app.state.api_openapi = app.openapi
    app.include_router(api.router)
    for module in (read, edit, admin):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(packages=[("planwatch.serve", "static")]), name="static")
    _errors(app)
    app.add_middleware(BodyLimit, settings=settings)
    app.add_middleware(AnonymousPages, data=app.state.data, settings=settings)
    app.add_middleware(SecurityHeaders)
    return app


def create_app_from_env() -> FastAPI:
    """The factory uvicorn's workers call (``planwatch.serve.app:create_app_from_env``)."""
    return create_app(Settings.from_env())


def _errors(app: FastAPI) -> None:
    """Errors as JSON under /api/ and as a page elsewhere; a user's mistake is 4xx with its reason, never a trace."""

    def respond(request: Request, status: int, detail: str, errors: list | None = None, headers=None) -> Response:
        if request.url.path.startswith(API):
            return JSONResponse({"detail": detail, "errors": errors or []}, status_code=status, headers=headers)
        from .pages.common import Page

        try:
            page = Page(request, getattr(request.state, "viewer", None) or Viewer())
        except Exception:  # noqa: BLE001 - an error page never fails
            page = Page(request, Viewer())
        key = {401: "unauthorized", 403: "forbidden", 404: "not_found"}.get(status, "error")
        text = detail + ("" if not errors else ": " + "; ".join(
            (f"row {e['row']}, " if e.get("row") else "") + (f"{e['column']}: " if e.get("column") else "") + e["reason"]
            for e in errors))
        resp = page.render("error.html.j2", page.t(key), status=status, error=text, need_signin=status == 401)
        for k, v in (headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return respond(request, exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return respond(request, 404, str(exc))

    @app.exception_handler(PlanwatchError)
    async def user_error(request: Request, exc: PlanwatchError) -> Response:
        from .edits import errors_of

        detail = f"{exc.path}: rejected, nothing was saved" if isinstance(exc, ImportRejected) else str(exc).splitlines()[0]
        return respond(request, 422, detail, errors_of(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"row": None, "column": ".".join(str(p) for p in e["loc"]), "reason": e["msg"]} for e in exc.errors()]
        return respond(request, 422, "the request is not valid", errors)

    @app.exception_handler(ValidationError)
    async def invalid(request: Request, exc: ValidationError) -> Response:
        from .edits import pydantic_errors

        return respond(request, 422, "the data is not valid", pydantic_errors(exc))
