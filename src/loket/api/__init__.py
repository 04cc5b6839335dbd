"""The standard REST adapters, one subpackage per standard (``catalogi``, ``zaken``, …).

Each translates its standard's Dutch resources to the domain and calls the same services as the
pages do, so the rules live in one place whichever door a request comes through.
"""
