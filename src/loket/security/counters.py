"""Counters in the shared ``security`` cache (settings.CACHES), for rate limits and lockout."""


def increment(cache, key: str, timeout: int) -> int:
    """Add one to a counter that expires ``timeout`` seconds after its last count.

    Not ``cache.incr``: the database cache's incr sets the default timeout again. A read and
    a write, so two processes counting at the same moment may lose one count: fine for a
    limit.
    """
    value = cache.get(key)
    if value is None:
        if cache.add(key, 1, timeout=timeout):
            return 1
        value = cache.get(key, 0)
    cache.set(key, value + 1, timeout=timeout)
    return value + 1
