"""VNG's Referentielijsten / Selectielijst API, served by Loket itself from VNG's data.

The Catalogi API needs these lists (procestypen, selectielijst results, generic result type
descriptions) to validate case types; serving them built-in means a small municipality needs no
outside service. The data is static and ships in ``data/``; see ``data/README.md``.
"""
