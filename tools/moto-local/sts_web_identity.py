"""STS AssumeRoleWithWebIdentity that checks the token against the role, as STS does.

moto hands out credentials for any token and any role ARN, even a role that
does not exist. Here, as STS documents, the call succeeds only when:

* the token is a JWT whose ``exp`` has not passed (else ``InvalidIdentityToken``
  or ``ExpiredTokenException``);
* the role's account has an IAM OIDC provider for the token's ``iss`` that lists
  the token's ``aud`` as a client id (else ``InvalidIdentityToken``);
* the role exists and its trust policy allows ``sts:AssumeRoleWithWebIdentity``
  for that provider (``Principal.Federated``) under its conditions on
  ``<provider>:<claim>`` keys (else ``AccessDenied``, HTTP 403).

Trust policy conditions support StringEquals, StringNotEquals, StringLike and
StringNotLike; a statement using another operator never applies. The token's
signature is not verified: that needs the issuer's keys, which are not on
this machine.
"""

import base64
import json
import re
import time
import warnings
from typing import Any

from moto.core.responses import ActionResult
from moto.iam.models import iam_backends
from moto.sts.exceptions import STSClientError
from moto.sts.responses import TokenResponse

from patching import around

ACTION = "sts:AssumeRoleWithWebIdentity"
ROLE_ARN = re.compile(r"arn:(?P<partition>[^:]+):iam::(?P<account_id>\d{12}):role/.+")


class WebIdentityRejected(STSClientError):
    def __init__(self, code: str, message: str, http_status: int = 400):
        super().__init__(code, message)
        self.http_status = http_status


def install() -> None:
    """Patch moto's STS responses; call once, before serving."""
    # AccessDenied is a common AWS error that STS's service model has no shape for.
    warnings.filterwarnings("ignore", message=r".*with code AccessDenied does not match an error shape")

    @around(TokenResponse, "assume_role_with_web_identity")
    def assume_role_with_web_identity(original, response):
        try:
            claims = _check(response._get_param("RoleArn"), response._get_param("WebIdentityToken"))
        except WebIdentityRejected as rejection:
            _, headers, body = response.serialized(ActionResult(rejection))
            headers["status"] = rejection.http_status
            return body, headers
        result = original(response)
        audience = claims.get("aud")
        result.result.update(
            {
                "SubjectFromWebIdentityToken": claims.get("sub"),
                "Audience": audience[0] if isinstance(audience, list) else audience,
                "Provider": claims.get("iss"),
            }
        )
        return result


def _check(role_arn: str, token: str) -> dict[str, Any]:
    """The token's claims, if the token may assume the role."""
    claims = _decode_jwt(token)
    expires = claims.get("exp")
    if isinstance(expires, (int, float)) and expires <= time.time():
        raise WebIdentityRejected(
            "ExpiredTokenException",
            f"Token expired: current date/time {int(time.time())} must be before the expiration date/time {expires}",
        )

    arn = ROLE_ARN.fullmatch(role_arn or "")
    if arn is None:
        raise _access_denied()
    account_id, partition = arn["account_id"], arn["partition"]
    iam = iam_backends[account_id][partition]
    issuer = str(claims.get("iss", ""))
    provider_host = re.sub(r"^https://", "", issuer).rstrip("/")
    provider_arn = f"arn:{partition}:iam::{account_id}:oidc-provider/{provider_host}"
    provider = iam.open_id_providers.get(provider_arn)
    if provider is None:
        raise WebIdentityRejected(
            "InvalidIdentityToken", f"No OpenIDConnect provider found in your account for {issuer}"
        )
    audiences = claims.get("aud")
    audiences = audiences if isinstance(audiences, list) else [audiences]
    if not set(audiences) & set(provider.client_id_list):
        raise WebIdentityRejected("InvalidIdentityToken", "Incorrect token audience")

    role = next((r for r in iam.roles.values() if r.arn == role_arn), None)
    context = {f"{provider_host}:{claim}".lower(): value for claim, value in claims.items()}
    if role is None or not _trust_allows(json.loads(role.assume_role_policy_document), provider_arn, context):
        raise _access_denied()
    return claims


def _access_denied() -> WebIdentityRejected:
    return WebIdentityRejected("AccessDenied", f"Not authorized to perform {ACTION}", http_status=403)


def _decode_jwt(token: str) -> dict[str, Any]:
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        claims = None
    if not isinstance(claims, dict):
        raise WebIdentityRejected(
            "InvalidIdentityToken",
            "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)",
        )
    return claims


def _trust_allows(policy: dict[str, Any], provider_arn: str, context: dict[str, Any]) -> bool:
    """IAM's evaluation: an applicable Deny wins, else an applicable Allow is needed."""
    statements = policy.get("Statement", [])
    applicable = [
        s
        for s in (statements if isinstance(statements, list) else [statements])
        if _names_action(s) and _names_provider(s, provider_arn) and _conditions_hold(s.get("Condition", {}), context)
    ]
    if any(s.get("Effect") == "Deny" for s in applicable):
        return False
    return any(s.get("Effect") == "Allow" for s in applicable)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _wildcard_match(pattern: str, value: str, ignore_case: bool = False) -> bool:
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.fullmatch(regex, value, re.IGNORECASE if ignore_case else 0) is not None


def _names_action(statement: dict[str, Any]) -> bool:
    if "NotAction" in statement:
        return not any(_wildcard_match(p, ACTION, ignore_case=True) for p in _as_list(statement["NotAction"]))
    return any(_wildcard_match(p, ACTION, ignore_case=True) for p in _as_list(statement.get("Action", [])))


def _names_provider(statement: dict[str, Any], provider_arn: str) -> bool:
    principal = statement.get("Principal")
    if principal == "*":
        return True
    return isinstance(principal, dict) and provider_arn in _as_list(principal.get("Federated", []))


CONDITION_OPERATORS = {
    "StringEquals": lambda expected, actual: expected == actual,
    "StringLike": lambda expected, actual: _wildcard_match(expected, actual),
}


def _conditions_hold(conditions: dict[str, Any], context: dict[str, Any]) -> bool:
    for operator, keys in conditions.items():
        negated = operator.startswith("StringNot")
        compare = CONDITION_OPERATORS.get(operator.replace("StringNot", "String"))
        if compare is None:
            return False
        for key, expected_values in keys.items():
            actual_values = [str(v) for v in _as_list(context.get(key.lower(), []))]
            matched = any(compare(e, a) for e in _as_list(expected_values) for a in actual_values)
            # A missing key matches no positive condition and every negated one.
            if matched == negated:
                return False
    return True
