"""HTTP caching with ``ETag`` on single resources (the ZGW APIs' HTTP-Caching rule).

The ETag is a hash of the resource's JSON as this request renders it, so two equal
representations share it and a representation under another host name does not. It is computed
on the fly from the data already serialized for the response: no extra query, nothing stored.
"""

import hashlib
import json

from rest_framework import status
from rest_framework.response import Response


def etag_of(data) -> str:
    body = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return f'"{hashlib.md5(body.encode(), usedforsecurity=False).hexdigest()}"'


def matches(if_none_match: str, etag: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in tags or "*" in tags


def conditional_response(request, data) -> Response:
    """200 with the ETag, or 304 without a body when the client already has this version."""
    etag = etag_of(data)
    if matches(request.headers.get("If-None-Match", ""), etag):
        return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    return Response(data, headers={"ETag": etag})
