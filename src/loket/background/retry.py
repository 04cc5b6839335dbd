"""How often, and how long apart, a failing task is tried again."""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int
    first_delay_seconds: float
    max_delay_seconds: float

    @classmethod
    def from_settings(cls) -> "RetryPolicy":
        return cls(**settings.LOKET_TASK_RETRY)

    def gives_up_after(self, attempts: int) -> bool:
        return attempts >= self.max_attempts

    def delay_after(self, attempts: int) -> timedelta:
        """Exponential backoff with jitter: about 1x, 2x, 4x ... the first delay, capped.

        The jitter (up to a tenth) keeps many tasks that failed together on one outage from
        all coming back in the same second.
        """
        base = min(self.first_delay_seconds * 2 ** (attempts - 1), self.max_delay_seconds)
        return timedelta(seconds=base * (1 + random.random() / 10))  # noqa: S311
