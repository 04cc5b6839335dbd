"""How a BRP source says it gave no answer, the same for every source."""


class BrpError(Exception):
    """The BRP did not give an answer; the message says why, for the log and the staff."""


class BrpUnavailable(BrpError):
    """The BRP could not be reached or failed itself; asking again later may work."""
