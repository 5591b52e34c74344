"""The action server: rasa-sdk's own app, safe by default.

`python -m actions [--port 5055]`
- listens on 127.0.0.1 unless ACTION_SERVER_HOST says otherwise (rasa-sdk binds 0.0.0.0);
- when ACTION_SERVER_TOKEN is set, /webhook and /actions need it, sent by Rasa as
  `token:` of `action_endpoint` in endpoints (the `?token=` query parameter), or as
  `Authorization: Bearer <token>`; /health stays open;
- order numbers are masked in its logs.
"""

import argparse
import hmac
import logging
import os
from typing import Optional

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

import log_masking

logger = logging.getLogger(__name__)


def _given_token(request: Request) -> str:
    bearer = request.headers.get("Authorization", "")
    if bearer.startswith("Bearer "):
        return bearer[len("Bearer ") :]
    return request.args.get("token", "")


def build_app(token: Optional[str]) -> Sanic:
    app = create_app("actions", cors_origins=[])
    if token:

        @app.middleware("request")
        async def require_token(request: Request) -> Optional[HTTPResponse]:
            if request.path == "/health":
                return None
            if not hmac.compare_digest(_given_token(request).encode(), token.encode()):
                return response.json({"error": "missing or wrong token"}, status=401)
            return None

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_SERVER_PORT", 5055)))
    args = parser.parse_args()
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)-8s %(name)s - %(message)s"
    )
    log_masking.install()
    host = os.environ.get("ACTION_SERVER_HOST", "127.0.0.1")
    token = os.environ.get("ACTION_SERVER_TOKEN") or None
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        logger.warning("The action server listens on %s without ACTION_SERVER_TOKEN.", host)
    build_app(token).run(host, args.port, access_log=False, workers=1)


if __name__ == "__main__":
    main()
