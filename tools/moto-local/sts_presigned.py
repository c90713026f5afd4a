"""STS calls presigned in the query string, as EKS bearer tokens carry them.

An EKS token is a presigned ``GetCallerIdentity`` URL; whoever checks the token
(the cluster's authenticator) sends that GET to STS and learns who signed it.
moto picks the service of a request from its Authorization header or its body,
and a presigned GET has neither, so moto hands it to S3; and it reads the
caller's access key only from the Authorization header, so every presigned
caller would look like moto's default user. Here such requests go to STS, and
the access key comes from the signed ``X-Amz-Credential`` query parameter.
Signatures are not verified, as nowhere in moto.
"""

from urllib.parse import parse_qs

from moto.core.responses import BaseResponse
from moto.moto_server.werkzeug_app import DomainDispatcherApplication

from patching import around


def _credential_scope(credential: str | None) -> tuple[str, str, str] | None:
    """(access key, region, service) of ``AKID/date/region/service/aws4_request``."""
    parts = (credential or "").split("/")
    if len(parts) != 5 or parts[4] != "aws4_request" or not parts[0]:
        return None
    return parts[0], parts[2], parts[3]


def install() -> None:
    """Patch moto's dispatcher and request parsing; call once, before serving."""

    @around(DomainDispatcherApplication, "infer_service_region_host")
    def infer_service_region_host(original, app, environ, path):
        if not environ.get("HTTP_AUTHORIZATION"):
            credential = parse_qs(environ.get("QUERY_STRING", "")).get("X-Amz-Credential", [None])[0]
            scope = _credential_scope(credential)
            if scope is not None and scope[2] == "sts":
                return f"sts.{scope[1]}.amazonaws.com"
        return original(app, environ, path)

    @around(BaseResponse, "get_access_key")
    def get_access_key(original, response):
        if "Authorization" not in response.headers:
            scope = _credential_scope((response.querystring.get("X-Amz-Credential") or [None])[0])
            if scope is not None:
                return scope[0]
        return original(response)
