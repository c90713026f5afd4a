"""ECR authorization tokens that expire 12 hours from now.

moto answers GetAuthorizationToken with an ``expiresAt`` of 2015-01-01, so a
client that caches the token until it expires (the push stage, credential
helpers) takes it as expired at once. ECR's tokens are valid for 12 hours
([GetAuthorizationToken](https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAuthorizationToken.html)).
"""

from datetime import datetime, timedelta, timezone

from moto.ecr.responses import ECRResponse

from patching import around

TOKEN_LIFETIME = timedelta(hours=12)


def install() -> None:
    """Patch moto's ECR responses; call once, before serving."""

    @around(ECRResponse, "get_authorization_token")
    def get_authorization_token(original, response):
        result = original(response)
        expires_at = datetime.now(timezone.utc) + TOKEN_LIFETIME
        for authorization in result.result["authorizationData"]:
            authorization["expiresAt"] = expires_at
        return result
