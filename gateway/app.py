"""The ASGI application: GraphQL over HTTP and graphql-transport-ws, behind bearer JWTs."""

from contextlib import asynccontextmanager
from typing import Any

from cross_web import StarletteRequestAdapter
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from gateway import page
from gateway.auth import AuthError, TokenVerifier
from gateway.context import Context
from gateway.schema import build_schema
from gateway.service import Gateway
from gateway.settings import GatewaySettings
from policies.platform import DossierPlatform


def _unauthenticated(message: str) -> JSONResponse:
    return JSONResponse(
        {"data": None, "errors": [{"message": message, "extensions": {"code": AuthError.code}}]},
        status_code=401,
        headers={"WWW-Authenticate": 'Bearer realm="wvp"'},
    )


class GatewayView(GraphQL):
    """Strawberry's ASGI view with authentication in front of every operation."""

    def __init__(self, gateway: Gateway, verifier: TokenVerifier, settings: GatewaySettings):
        super().__init__(
            build_schema(settings),
            graphql_ide="graphiql" if settings.graphiql else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        )
        self.gateway = gateway
        self.verifier = verifier

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope, receive)
            # The GraphiQL page itself carries no token; every operation does.
            if not self.should_render_graphql_ide(StarletteRequestAdapter(request)):
                try:
                    actor = self.verifier.actor_from_header(request.headers.get("authorization"))
                except AuthError as e:
                    await _unauthenticated(str(e))(scope, receive, send)
                    return
                scope.setdefault("state", {})["wvp_actor"] = actor
        await super().__call__(scope, receive, send)

    async def get_context(self, request: Any, response: Any) -> Context:
        actor = getattr(request.state, "wvp_actor", None) if isinstance(request, Request) else None
        return Context(self.gateway, actor=actor, request=request, response=response)

    async def on_ws_connect(self, context: Context) -> None:
        params = context.connection_params or {}
        header = params.get("Authorization") or params.get("authorization")
        try:
            context.actor = self.verifier.actor_from_header(header)
        except AuthError as e:
            raise ConnectionRejectionError({"code": AuthError.code, "message": str(e)}) from None


def create_app(platform: DossierPlatform, settings: GatewaySettings | None = None) -> Starlette:
    """The gateway for a started platform. The caller owns the platform's lifetime."""
    settings = settings or GatewaySettings.from_env()
    gateway = Gateway(platform)
    view = GatewayView(gateway, TokenVerifier(settings), settings)

    async def health(_: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    @asynccontextmanager
    async def lifespan(_: Starlette):
        yield
        gateway.close()

    app = Starlette(
        routes=[
            Route("/healthz", health),
            Route("/graphql", view, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", view),
            *page.routes(),
        ],
        lifespan=lifespan,
    )
    app.state.gateway = gateway
    return app
